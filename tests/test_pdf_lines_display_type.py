"""Lines from characters when a title in display type stands beside body text: the title's
loose boxes span several body lines, which must stay separate lines (e1128-like cover page,
made up here)."""

from __future__ import annotations

from pcfaudit.extract.pdf_layout import Char, make_lines


def _word(text: str, x: float, top: float, height: float, em: float) -> list[Char]:
    out = []
    for ch in text:
        width = 0.25 * em if ch == " " else 0.6 * em  # a space is a narrow advance
        out.append(Char(ch, x, top, x + width, top + height, 0.0 if ch == " " else em))
        x += width
    return out


def test_body_lines_beside_a_display_title_are_not_merged() -> None:
    chars = [
        *_word("Revision Date: 2023", 12, 208, 18, 12),
        *_word("Validity Date: 2028", 12, 226, 18, 12),
        *_word("Scope: TR", 12, 244, 18, 12),
        # a title letter run at 45 pt whose loose box spans all three body lines
        *_word("DECL ARATION", 400, 200, 70, 45),
    ]
    texts = [" ".join(s.text for s in ln.segments) for ln in make_lines(chars)]
    assert "Revision Date: 2023" in texts
    assert "Validity Date: 2028" in texts
    assert "Scope: TR" in texts
    assert any("DECL" in t for t in texts)


def test_a_superscript_still_joins_its_line() -> None:
    chars = [
        *_word("CO", 10, 100, 12, 10),
        Char("2", 22, 106, 26, 112, 6),
        *_word(" t", 26, 100, 12, 10),
    ]
    (line,) = make_lines(chars)
    assert " ".join(s.text for s in line.segments).replace(" ", "") == "CO2t"


def test_a_heading_set_in_display_type_keeps_its_spaces() -> None:
    chars = [
        *_word("2.5 Impact method", 12, 100, 27, 18),  # spaces with the heading's tall box
        *_word("Body text one", 12, 140, 15, 10),
        *_word("Body text two", 12, 160, 15, 10),
        *_word("Body text three", 12, 180, 15, 10),
    ]
    texts = [" ".join(s.text for s in ln.segments) for ln in make_lines(chars)]
    assert texts[0] == "2.5 Impact method"
    assert texts[1:] == ["Body text one", "Body text two", "Body text three"]


def test_a_heading_whose_letters_measure_differently_stays_one_line() -> None:
    # Sizes from ink differ between capitals/digits and other letters of one heading.
    heading = [
        Char(c.text, c.x0, c.top, c.x1, c.bottom, c.em * (1.0 if i % 2 else 1.3) if c.em else 0.0)
        for i, c in enumerate(_word("Chapter 3 Inventory analysis", 12, 100, 22, 14))
    ]
    lines = [f"Body text line {n} of the section" for n in range(6)]
    body = [c for n, t in enumerate(lines) for c in _word(t, 12, 140 + 20 * n, 15, 10)]
    texts = [" ".join(s.text for s in ln.segments) for ln in make_lines(heading + body)]
    assert texts == ["Chapter 3 Inventory analysis", *lines]
