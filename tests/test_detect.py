"""Format detection by content, and the one-line errors for inputs we cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcfaudit.extract.common import ExtractionError
from pcfaudit.extract.detect import detect_format, extract

FIX = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("seeds/000_e5f01d6d6220347d.pdf", "pdf"),
        ("seeds/000_e5f01d6d6220347d.docx", "docx"),
        ("seeds/000_e5f01d6d6220347d.txt", "text"),
        ("synthetic/pdf_cn_reportlab.pdf", "pdf"),
        ("synthetic/docx_features.docx", "docx"),
    ],
)
def test_detect_by_content(path: str, fmt: str) -> None:
    data = (FIX / path).read_bytes()
    assert detect_format(data, path) == fmt
    assert detect_format(data, "renamed.bin") == fmt  # the name does not decide


def test_markdown_by_name_or_content() -> None:
    assert detect_format(b"plain words\n", "r.md") == "markdown"
    md = b"# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item\n"
    assert detect_format(md, "") == "markdown"
    assert detect_format("报告\n功能单位为 1 t。\n".encode("gb18030"), "") == "text"


def test_pdf_header_after_junk() -> None:
    assert detect_format(b"\r\n" * 10 + b"%PDF-1.7\n...", "") == "pdf"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("bad/empty.txt", "empty file"),
        ("bad/binary.bin", "binary file"),
        ("bad/legacy.doc", "encrypted or legacy .doc Word file"),
        ("bad/workbook.xlsx", "Excel workbook"),
    ],
)
def test_unsupported_inputs(path: str, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        detect_format((FIX / path).read_bytes(), path)


def test_png_needs_ocr() -> None:
    with pytest.raises(ExtractionError, match="OCR"):
        detect_format(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "scan.pdf")


def test_extract_dispatches() -> None:
    for path, fmt in [
        ("seeds/002_37b7dd170cf4d869.pdf", "pdf"),
        ("seeds/002_37b7dd170cf4d869.docx", "docx"),
        ("seeds/002_37b7dd170cf4d869.txt", "text"),
    ]:
        doc = extract((FIX / path).read_bytes(), path)
        assert doc.source.format == fmt
        assert any(c.text == "3156.00" for t in doc.tables for row in t.rows for c in row)


def test_utf16_without_a_byte_order_mark_is_text_not_binary() -> None:
    """Detection and the text decoder agree on BOM-less UTF-16 (it used to be refused as
    binary by `pcfaudit check` although extract_text reads it)."""
    from pathlib import Path

    from pcfaudit.extract.detect import detect_format, extract

    path = Path(__file__).resolve().parents[1] / "fixtures/synthetic/text_zh_utf16be_nobom.txt"
    data = path.read_bytes()
    assert detect_format(data, path.name) == "text"
    assert extract(data, path.name).source.encoding == "utf-16-be"
