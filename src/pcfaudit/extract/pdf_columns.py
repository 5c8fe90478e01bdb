"""Reading order of a page set in two columns of prose.

Lines are read top to bottom, so on a two-column page the left column's lines and the
right column's lines alternate (or are read as one line across the gutter). A reader
sees a white strip down the page that no line crosses, with prose on both sides: within
each band of the page between lines that do cross it (a title, a full-width table or
paragraph), the left column is read before the right one.

Prose, not a list: most lines of each column fill the column's width. A list of labels and
values ("Declared unit    1 m2") has a gutter too, but its labels are ragged, and reading
all labels before all values would tear every pair apart.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from pcfaudit.extract.pdf_layout import Line, make_lines

_MIN_LINES = 3  # lines on each side of a gutter before it makes two columns
_FULL = 0.6  # a line this share of its column's width or wider fills the column
_FULL_SHARE = 0.5  # ... and at least this share of a column's lines do
_SEARCH = (0.25, 0.75)  # the gutter lies in the middle half of the text's width
_MIN_GUTTER = 0.8  # em: the narrowest white strip taken for a gutter
_MIN_WIDTH = 16.0  # line heights: a column of prose is at least this wide


@dataclass
class Placed:
    """A line with the key that sorts it into reading order, and the column it belongs to
    (its left and right edges and usual gap between lines; None: the page's)."""

    line: Line
    key: tuple[float, int, float]
    column: tuple[float, float, float] | None = None


def order_lines(lines: list[Line]) -> list[Placed]:
    """The page's lines (top to bottom), split at a two-column gutter where there is one,
    each with its reading-order key ``(band top, column, top)``."""
    plain = [Placed(ln, (ln.top, 0, ln.top)) for ln in lines]
    gutter = _gutter(lines)
    if gutter is None:
        return plain
    out: list[Placed] = []
    band: list[Line] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        if _crosses(ln, gutter):
            out.extend(_band(band, gutter))
            band = []
            out.append(Placed(ln, (ln.top, 0, ln.top)))
        else:
            band.append(ln)
    out.extend(_band(band, gutter))
    return out


def table_key(bbox: tuple[float, float, float, float], placed: list[Placed]) -> tuple[float, int, float]:
    """A table's reading-order key: inside a column when it lies within one."""
    x0, top, x1, _ = bbox
    for p in placed:
        if p.column is not None and p.column[0] - 2 <= x0 and x1 <= p.column[1] + 2:
            band_top = p.key[0]
            if band_top <= top and _in_band(top, band_top, placed):
                return (band_top, p.key[1], top)
    return (top, 0, top)


def _in_band(top: float, band_top: float, placed: list[Placed]) -> bool:
    bottom = max((p.line.bottom for p in placed if p.key[0] == band_top), default=band_top)
    return top <= bottom


def _band(lines: list[Line], gutter: float) -> list[Placed]:
    """A band between crossing lines: two columns when both sides hold prose."""
    views: tuple[list[_View], list[_View]] = ([], [])
    for ln in lines:
        height = ln.bottom - ln.top
        sides = ([s for s in ln.segments if s.x1 <= gutter], [s for s in ln.segments if s.x0 >= gutter])
        for view, segs in zip(views, sides, strict=True):
            if segs:
                view.append((segs[0].x0, segs[-1].x1, height, len(segs)))
    if not (_is_prose(views[0]) and _is_prose(views[1])):
        return [Placed(ln, (ln.top, 0, ln.top)) for ln in lines]
    left: list[Line] = []
    right: list[Line] = []
    for ln in lines:
        if ln.x1 <= gutter:
            left.append(ln)
        elif ln.x0 >= gutter:
            right.append(ln)
        else:  # a left and a right line at the same height, read as one
            left.extend(make_lines([c for c in ln.chars if c.x1 <= gutter]))
            right.extend(make_lines([c for c in ln.chars if c.x0 >= gutter]))
    top = min(ln.top for ln in lines)
    out: list[Placed] = []
    for k, side in enumerate((left, right)):
        side.sort(key=lambda ln: ln.top)
        gaps = sorted(
            b.top - a.bottom
            for a, b in itertools.pairwise(side)
            if -5 < b.top - a.bottom < 2 * (a.bottom - a.top)
        )
        column = (min(ln.x0 for ln in side), max(ln.x1 for ln in side), gaps[len(gaps) // 2] if gaps else 0.0)
        out.extend(Placed(ln, (top, k, ln.top), column) for ln in side)
    return out


_View = tuple[float, float, float, int]  # one side of a line: x0, x1, height, phrases


def _is_prose(side: list[_View]) -> bool:
    """Lines of running text: a column some words wide, most lines filling it, in one
    phrase each (a table's rows, or a label and its value, have gutters of their own)."""
    if len(side) < _MIN_LINES:
        return False
    x0, x1 = min(v[0] for v in side), max(v[1] for v in side)
    ems = sorted(v[2] for v in side)
    if x1 - x0 < _MIN_WIDTH * ems[len(ems) // 2]:
        return False
    full = sum(1 for a, b, _, n in side if b - a >= _FULL * (x1 - x0) and n == 1)
    return full >= _FULL_SHARE * len(side)


def _crosses(ln: Line, gutter: float) -> bool:
    """The line runs across the gutter: a phrase over it, or a table's row with several
    phrases on one side and more on the other (a left and a right line of prose at the
    same height are one phrase each)."""
    if any(s.x0 < gutter < s.x1 for s in ln.segments):
        return True
    left = sum(1 for s in ln.segments if s.x1 <= gutter)
    right = len(ln.segments) - left
    return left >= 1 and right >= 1 and left + right > 2


def _gutter(lines: list[Line]) -> float | None:
    """The middle of the widest white strip in the middle of the text that the fewest
    lines cross (a sweep over the segments' edges), if few lines cross it."""
    if len(lines) < 2 * _MIN_LINES:
        return None
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    lo = left + _SEARCH[0] * (right - left)
    hi = left + _SEARCH[1] * (right - left)
    events: list[tuple[float, int]] = []
    for ln in lines:
        for s in ln.segments:
            events.append((s.x0, 1))
            events.append((s.x1, -1))
    events.sort()
    ems = sorted(ln.bottom - ln.top for ln in lines)
    narrowest = _MIN_GUTTER * ems[len(ems) // 2]
    depth = 0
    best: tuple[int, float, float] | None = None  # (crossings, -width, middle)
    prev_x = left
    for x, step in events:
        a, b = max(prev_x, lo), min(x, hi)
        if b - a >= narrowest:
            cand = (depth, -(b - a), (a + b) / 2)
            if best is None or cand < best:
                best = cand
        depth += step
        prev_x = x
    if best is None:
        return None
    crossings, _, middle = best
    return None if crossings > 0.25 * len(lines) else middle
