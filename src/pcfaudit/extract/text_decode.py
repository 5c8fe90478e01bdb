"""Bytes to text for plain-text and Markdown reports: UTF-8 with or without BOM, UTF-16 with
BOM or by its NUL pattern, GB18030/GBK, cp1252 as a last resort; binary refused."""

from __future__ import annotations

from pcfaudit.extract.common import ExtractionError


def _printable_score(text: str) -> float:
    """Share of characters a Chinese or English report is made of."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        cp = ord(ch)
        if (
            (ch.isascii() and (ch.isprintable() or ch in "\t\n\r"))
            or 0x4E00 <= cp <= 0x9FFF
            or 0x3000 <= cp <= 0x303F
            or 0xFF00 <= cp <= 0xFFEF
            or 0x2000 <= cp <= 0x22FF
            or cp in (0xA0, 0xB0, 0xB2, 0xB3, 0xB7, 0xD7)
            or 0x2080 <= cp <= 0x2089
        ):
            good += 1
    return good / len(text)


def utf16_by_nuls(data: bytes) -> str | None:
    """ "utf-16-le" / "utf-16-be" when the NUL bytes fall on one side of each pair, as they
    do in UTF-16 text without a byte-order mark; else None."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name) or ExtractionError for binary / undecodable input."""
    if not data.strip():
        raise ExtractionError("empty file")
    if data.startswith(b"%PDF-"):
        raise ExtractionError("this is a PDF file, not text")
    if data.startswith(b"PK\x03\x04"):
        raise ExtractionError("this is a ZIP/DOCX file, not text")
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    )
    for bom, name in boms:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(name.replace("-sig", "")), name)
            except UnicodeDecodeError:
                raise ExtractionError(f"invalid {name} text after its byte-order mark") from None
    utf16 = utf16_by_nuls(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ExtractionError("binary file (NUL bytes), not text")
    # Strict UTF-8 is decisive: GBK text of any length practically never decodes as UTF-8,
    # and a UTF-8 file full of mojibake must be reported as such, not "repaired".
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for name in ("gb18030", "cp1252"):
        try:
            candidates.append((_printable_score(text := data.decode(name)), name, text))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise ExtractionError("cannot decode: not UTF-8, UTF-16 or GB18030 text")
    # gb18030 unless its reading is mostly odd characters and cp1252 reads better
    _score, name, text = candidates[0]
    if len(candidates) > 1 and _score < 0.6 and candidates[1][0] > _score:
        _score, name, text = candidates[1]
    return _checked(text, name)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if not text.strip():
        raise ExtractionError("empty file")
    # C0 controls mean binary data; C1 controls (U+0080-U+009F) are mojibake, counted as
    # garbled characters instead
    controls = sum(1 for ch in text if (ch < " " or ch == "\x7f") and ch not in "\t\n\r\f\v")
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise ExtractionError("binary file (control characters), not text")
    return text, encoding
