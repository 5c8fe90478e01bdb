"""Text set across the page's lines: column headers printed vertically.

A table with many narrow module columns (A1 … D) often sets its headers turned a quarter,
reading up the page. Their glyphs run down a column instead of along a line, so the line
reader cannot use them; dropping them loses the header of every column. Here the glyphs
(in the text layer's order, which is their reading order) become one label per column,
a single wide :class:`Char` with the label's whole box, and labels standing on a common
foot become a :class:`Line` like any other: the ruled-table and word-geometry readers then
place each over its column. A long run (a margin note along the page edge) is not a
label and is left out, as before.
"""

from __future__ import annotations

from pcfaudit.extract.pdf_layout import Char, Line, join_chars, segments_of

SPACE = Char(" ", 0.0, 0.0, 0.0, 0.0)  # a word break between glyphs set across the lines
_LOOSE_EM = 1.2  # a glyph's loose box across its line spans about this many em
_MAX_LENGTH = 24.0  # em: a longer run is a margin note, not a column header
_FOOT = 1.5  # em: labels whose feet lie this close stand in one header row
_WRAP_GAP = 0.5  # em between two turned lines of one wrapped label


def rotated_labels(glyphs: list[Char]) -> list[Char]:
    """Runs of turned glyphs that follow one another along one column, each as one
    :class:`Char` whose text is the run in reading order; a label wrapped over two turned
    lines is one label."""
    labels: list[tuple[Char, bool]] = []  # (label, reads down the page)
    run: list[Char] = []
    text: list[str] = []
    space = False

    def flush() -> None:
        if run:
            label = _label(run, "".join(text))
            if label is not None:
                labels.append((label, run[-1].top > run[0].top))
        run.clear()
        text.clear()

    for g in glyphs:
        if g is SPACE:
            space = bool(run)
            continue
        if run and not _follows(run[-1], g):
            flush()
        elif run and space:
            text.append(" ")
        space = False
        run.append(g)
        text.append(g.text)
    flush()
    return _join_wrapped(labels)


def _join_wrapped(labels: list[tuple[Char, bool]]) -> list[Char]:
    """Side by side, over the same stretch, the same way up, close: one label wrapped.
    Text reading up the page wraps to the right, text reading down wraps to the left."""
    out: list[tuple[Char, bool]] = []
    for label, down in sorted(labels, key=lambda ld: ld[0].x0):
        if out:
            prev, prev_down = out[-1]
            span = min(prev.bottom, label.bottom) - max(prev.top, label.top)
            shorter = min(prev.bottom - prev.top, label.bottom - label.top)
            if (
                down == prev_down
                and label.x0 - prev.x1 < _WRAP_GAP * prev.em
                and span > 0.5 * shorter
            ):
                first, second = (label, prev) if down else (prev, label)
                text = join_chars(first.text, second.text)
                box = (min(prev.x0, label.x0), min(prev.top, label.top), max(prev.x1, label.x1), max(prev.bottom, label.bottom))
                out[-1] = (Char(text, *box, max(prev.em, label.em)), down)
                continue
        out.append((label, down))
    return [label for label, _ in out]


def _follows(last: Char, g: Char) -> bool:
    """The next glyph of the same turned line: the same column, little gap along it."""
    width = min(last.x1 - last.x0, g.x1 - g.x0)
    across = min(last.x1, g.x1) - max(last.x0, g.x0)
    gap = max(g.top - last.bottom, last.top - g.bottom)
    return across > 0.5 * width and gap < 0.6 * max(last.x1 - last.x0, g.x1 - g.x0)


def _label(run: list[Char], text: str) -> Char | None:
    text = text.strip()
    x0, x1 = min(g.x0 for g in run), max(g.x1 for g in run)
    top, bottom = min(g.top for g in run), max(g.bottom for g in run)
    em = (x1 - x0) / _LOOSE_EM
    if not text or em <= 0 or bottom - top > _MAX_LENGTH * em:
        return None
    return Char(text, x0, top, x1, bottom, em)


def label_lines(labels: list[Char]) -> list[Line]:
    """Labels standing on a common foot (a header row), left to right, as lines."""
    rows: list[list[Char]] = []
    for label in sorted(labels, key=lambda c: c.bottom):
        if rows and label.bottom - rows[-1][0].bottom <= _FOOT * label.em:
            rows[-1].append(label)
        else:
            rows.append([label])
    out = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        out.append(Line(chars=row, segments=segments_of(row)))
    return out
