"""Tell a report's format from its bytes and dispatch to the right extractor.

The format is decided by content, never by the file name: reports arrive renamed, with
``.pdf`` files that are really Word documents and ``.doc`` files that are RTF. The name is
used only to tell Markdown from plain text, which content alone cannot always settle.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from pcfaudit.extract.common import ExtractionError
from pcfaudit.extract.text_decode import utf16_by_nuls
from pcfaudit.model import Document

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"II*\x00": "TIFF image",
    b"MM\x00*": "TIFF image",
}
# Headings and pipe-table rules: list dashes and **bold** also appear in the output of
# PDF-to-text converters that is otherwise plain text.
_MD_HINTS = re.compile(r"^(?:#{1,6} \S|\s*\|?\s*:?-{3,}:?\s*\|)", re.MULTILINE)


def detect_format(data: bytes, name: str = "") -> str:
    """Return "pdf", "docx", "markdown" or "text"; raise ExtractionError for anything else."""
    if not data or not data.strip():
        raise ExtractionError("empty file")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_CFB_MAGIC):
        raise ExtractionError(
            "encrypted or legacy .doc Word file: remove the password or save as .docx or PDF"
        )
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    for magic, what in _IMAGE_MAGIC.items():
        if data.startswith(magic):
            raise ExtractionError(f"{what}, not a report: OCR needed")
    if data.lstrip().startswith(b"{\\rtf"):
        raise ExtractionError("RTF file is not supported: save as .docx or PDF")
    if _looks_binary(data[:8192]):
        raise ExtractionError("binary file of unknown format")
    lower = name.lower()
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith(".txt"):
        return "text"
    head = data[:65536].decode("utf-8", errors="ignore")
    return "markdown" if len(_MD_HINTS.findall(head)) >= 2 else "text"


# What zipfile raises on a mangled archive; NotImplementedError for a garbled "version
# needed" field (found by bench/fuzz.py).
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except _ZIP_ERRORS as exc:
        raise ExtractionError(f"damaged zip/DOCX file: {exc}") from None
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        raise ExtractionError("Excel workbook is not supported: export the report as PDF or DOCX")
    if any(n.startswith("ppt/") for n in names):
        raise ExtractionError("PowerPoint file is not supported: export the report as PDF")
    if b"opendocument" in mimetype:
        raise ExtractionError("OpenDocument file is not supported: save as .docx or PDF")
    raise ExtractionError("zip archive that is not a Word document")


def looks_like_text(head: bytes) -> bool:
    """Whether a file starting with ``head`` would be read as text or Markdown (and so falls
    under the text size limit): not a PDF, zip, Word, RTF or image, and not binary."""
    if not head.strip() or b"%PDF-" in head[:1024] or head.startswith((_CFB_MAGIC, b"PK")):
        return False
    if head.startswith(tuple(_IMAGE_MAGIC)) or head.lstrip().startswith(b"{\\rtf"):
        return False
    return not _looks_binary(head[:8192])


def _looks_binary(head: bytes) -> bool:
    """NUL bytes (outside UTF-16, with or without a byte-order mark) or many control
    characters mean binary. The text decoder rejects what only looks like UTF-16."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_by_nuls(head):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(4, len(head) // 50)


def extract(data: bytes, path: str) -> Document:
    """Extract a Document from any supported format (see :func:`detect_format`)."""
    fmt = detect_format(data, path)
    if fmt == "pdf":
        from pcfaudit.extract.pdf import extract_pdf

        return extract_pdf(data, path)
    if fmt == "docx":
        from pcfaudit.extract.docx import extract_docx

        return extract_docx(data, path)
    from pcfaudit.extract.text import extract_text

    return extract_text(data, path)
