"""Hostile inputs for the reliability tests, generated on the fly (nothing committed).

:func:`pdf_with_cmap` writes a one-page PDF whose Helvetica font carries a ToUnicode map
given as raw ``bfchar`` pairs, so a test can make a PDF's text decode to anything: a
surrogate half, an emoji, control characters.
"""

from __future__ import annotations

import zlib


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), extra) + (
        packed + b"\nendstream"
    )


def pdf_with_cmap(
    lines: list[bytes], bfchar: dict[int, bytes], title: bytes = b"(Report)"
) -> bytes:
    """A PDF printing ``lines`` (raw string bytes, one per line) in a font whose ToUnicode map
    sends each byte in ``bfchar`` to the given UTF-16BE bytes."""
    content = (
        b"BT /F1 12 Tf 72 720 Td 14 TL\n"
        + b"".join(
            b"("
            + line.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            + b") '\n"
            for line in lines
        )
        + b"ET\n"
    )
    entries = b"".join(
        b"<%02X> <%s>\n" % (code, target.hex().upper().encode()) for code, target in bfchar.items()
    )
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /Hostile def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        + b"%d beginbfchar\n" % len(bfchar)
        + entries
        + b"endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
            b"<< /Title " + title + b" >>",
            _stream(cmap),
        ]
    )
