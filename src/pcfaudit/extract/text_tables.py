"""Repairs to a table grid that an OCR converter (PDF → Markdown/HTML) damaged in known ways.

The converter reads a printed table as an image and writes an HTML grid; where it misjudges
a cell boundary, text lands in the wrong slot. Two damages are common and can be undone from
the grid alone, without knowing what the table is about:

* **Header text pushed into the first body row.** A unit or a sub-header word printed at
  the bottom of a header cell ends up in front of the first value of that column
  ("(mg/m²) 48.16±4.72a", "Wheat -2.20±0.14") while every other row of the column holds a
  bare number. The text goes back to the header cell directly above the value.
* **Two columns fused into one.** Most body cells of a column hold two decimal numbers
  ("1.12 1.01") where its neighbours hold one: the column is two columns whose boundary
  was lost. It is split; the new column keeps a header that spans it (a group header over
  both) and gets an empty sub-header, since the converter kept no label for it.
* **Two rows fused into one.** The converter lost a row boundary: the row's label cell
  holds two labels ("2019 合计") and most of its value cells two numbers ("1.02 15.57")
  where every other row holds one. The row is split in two, each number going to its own
  row; a cell with one number stays with the first row (whose it is cannot be told).
* **Row labels fused with the first value column.** The converter dropped the label
  column's boundary: every body cell of the first column reads "LABEL NUMBER"
  ("E+Si1 26.45±3.60ab") with a different label on each row. The column is split in two;
  when the header rows lost that column too (they are as wide as the fused body), an empty
  header slot is put in front of them, so a spanning header keeps covering its own values.

A grid here is the extractor's row list of ``(text, line, rowspan, colspan)`` slots; a
merged cell is repeated in each slot it covers.
"""

from __future__ import annotations

import re

Slot = tuple[str, int, int, int]

# A printed value: sign, digits (thin-space thousands groups allowed), decimals, an optional
# ± error, then at most a significance letter group or a footnote star ("2 908±423",
# "-0.30±0.04", "26.45±3.60ab", "81.53", "1.2*").
_VALUE = (
    r"[-+\u2212]?(?:\d{1,3}(?:[ \u2009\u202f]\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s*±\s*\d[\d \u2009\u202f]*(?:\.\d+)?)?\s*[A-Za-z]{0,3}\**"
)
_VALUE_RE = re.compile(rf"^{_VALUE}$")
_PREFIXED_RE = re.compile(rf"^(?P<prefix>\S.*?)\s+(?P<value>{_VALUE})$")
_DIGIT_RE = re.compile(r"\d")
_PLAIN_DECIMAL_RE = re.compile(r"\d\.\d|±")
_WORDY_RE = re.compile(r"[A-Za-z\u3400-\u9fff]")
_QUALIFIER_RE = re.compile(
    r"^(?:约|大约|近|小于|大于|不足|超过|低于|高于|ca\.?|approx\.?|about|around|[<>≤≥~≈])$", re.I
)


def is_value(text: str) -> bool:
    """The cell holds one printed number (with its ± error or significance letters)."""
    return bool(_VALUE_RE.match(text.strip()))


def _prefix_split(text: str) -> tuple[str, str] | None:
    """("(mg/m²)", "48.16±4.72a") for a cell holding words before one number."""
    m = _PREFIXED_RE.match(text.strip())
    if m is None or is_value(text) or not _WORDY_RE.search(m["prefix"]):
        return None
    if _QUALIFIER_RE.match(m["prefix"]):
        return None  # "约 12.5", "< 0.01": the value's own qualifier, not a header word
    return m["prefix"], m["value"]


def header_rows(rows: list[list[Slot]]) -> int:
    """How many leading rows are header: rows before the first one with a number in a
    column other than the first."""
    for r, row in enumerate(rows):
        if any(_DIGIT_RE.match(s[0].strip().lstrip("-+\u2212")) for s in row[1:]):
            return r
    return len(rows)


def repair_grid(rows: list[list[Slot]]) -> list[list[Slot]]:
    """The grid with the damages above undone (unchanged where none is evident)."""
    if len(rows) < 3 or not rows[0]:
        return rows
    rows = _split_fused_labels(rows)
    rows = _split_fused_rows(rows)
    rows = _split_paired_values(rows)
    return _restore_pushed_header_text(rows)


def _restore_pushed_header_text(rows: list[list[Slot]]) -> list[list[Slot]]:
    head = header_rows(rows)
    body = rows[head:]
    if head == 0 or len(body) < 3:
        return rows
    first = body[0]
    out = [list(row) for row in rows]
    for c in range(1, len(first)):
        split = _prefix_split(first[c][0])
        others = [row[c][0] for row in body[1:] if c < len(row) and row[c][0].strip()]
        if split is None or len(others) < 2 or not all(is_value(t) for t in others):
            continue
        prefix, value = split
        _, line, rowspan, colspan = out[head][c]
        out[head][c] = (value, line, rowspan, colspan)
        above = out[head - 1][c]
        if prefix not in above[0]:
            out[head - 1][c] = (f"{above[0]} {prefix}".strip(), *above[1:])
    return out


def _split_fused_labels(rows: list[list[Slot]]) -> list[list[Slot]]:
    head = header_rows(rows)
    body = rows[head:]
    if len(body) < 2:
        return rows
    splits = [_prefix_split(row[0][0]) for row in body]
    labels = [s[0] for s in splits if s is not None]
    if len(labels) != len(body) or len(set(labels)) != len(labels):
        return rows  # not every row fused, or a repeated word ("Scope 1", "Scope 2")
    if not all(_PLAIN_DECIMAL_RE.search(s[1]) for s in splits if s is not None):
        return rows  # "Boiler 1", "Line 2": a numbered name, not a label and its value
    values = [s[0] for row in body for s in row[1:] if s[0].strip()]
    if sum(is_value(v) for v in values) * 2 < len(values):
        return rows  # not a table of values
    # Body rows padded with an empty last slot: the header kept its label column and only
    # the body fused; otherwise the header lost that column too and shifts right.
    padded = all(not row[-1][0].strip() for row in body) and any(
        row[-1][0].strip() for row in rows[:head]
    )
    out: list[list[Slot]] = []
    for row in rows[:head]:
        if padded:
            out.append(list(row))
        else:
            line = row[0][1] if row else 0
            out.append([("", line, 1, 1), *row])
    for row, split in zip(body, splits, strict=True):
        assert split is not None
        label, value = split
        _, line, _, _ = row[0]
        rest = row[1:-1] if padded else row[1:]
        out.append([(label, line, 1, 1), (value, line, 1, 1), *rest])
    return out


_DECIMAL_TOKEN_RE = re.compile(r"[-+\u2212]?\d+\.\s?\d+")


def _decimal_tokens(text: str) -> list[str] | None:
    """The decimal numbers a cell holds when it holds nothing else ("2.23 1. 11" → two)."""
    tokens = _DECIMAL_TOKEN_RE.findall(text)
    if not tokens or _DECIMAL_TOKEN_RE.sub("", text).strip():
        return None
    return [t.replace(" ", "") for t in tokens]


def _lend_fused_label(row: list[Slot], c: int) -> None:
    """The split-off column ``c`` has no label in this header row while the cell to its
    right holds two ("总效应 DP", "Total PE"): the converter lost the same boundary in the
    header, one cell over. The label shaped like the row's other labels (the same script
    and length as "DQ", "DI", "DG") goes to column ``c``; when neither or both are, none."""
    if c + 1 >= len(row) or row[c][0] or (c + 2 < len(row) and row[c + 2] is row[c + 1]):
        return  # no right neighbour, a label already, or a cell spanning further right
    pair = row[c + 1][0].split()
    siblings = [s[0] for k, s in enumerate(row[1:], 1) if k not in (c, c + 1) and s[0]]
    forms = {_form(t) for t in siblings}
    if len(pair) != 2 or len(siblings) < 2 or len(forms) != 1:
        return
    shaped = [t for t in pair if _form(t) in forms]
    if len(shaped) != 1:
        return
    rest = pair[1] if shaped[0] == pair[0] else pair[0]
    row[c] = (shaped[0], row[c][1], 1, 1)
    row[c + 1] = (rest, *row[c + 1][1:])


def _form(label: str) -> tuple[bool, int]:
    """A header label's shape: Latin or not, and its length ("DQ" and "DP" share one)."""
    return (label.isascii(), len(label))


def _split_fused_rows(rows: list[list[Slot]]) -> list[list[Slot]]:
    head = header_rows(rows)
    out = [list(row) for row in rows[:head]]
    for r in range(head, len(rows)):
        row = rows[r]
        labels = row[0][0].split()
        others = [x for k, x in enumerate(rows[head:], head) if k != r]
        cells = [_decimal_tokens(s[0]) for s in row[1:]]
        paired = [
            c for c, t in enumerate(cells, 1)
            if t is not None and len(t) == len(labels)
            and all(_single(x[c][0]) for x in others if c < len(x))
        ]
        filled = sum(1 for s in row[1:] if s[0].strip())
        if len(labels) < 2 or len(others) < 2 or len(paired) < 2 or 2 * len(paired) < filled:
            out.append(list(row))
            continue
        line = row[0][1]
        for k, label in enumerate(labels):
            new: list[Slot] = [(label, line, 1, 1)]
            for c, slot in enumerate(row[1:], 1):
                tokens = cells[c - 1]
                if c in paired and tokens is not None:
                    new.append((tokens[k], line, 1, 1))
                else:
                    new.append(slot if k == 0 else ("", line, 1, 1))
            out.append(new)
    return out


def _single(text: str) -> bool:
    """A cell of one value or none: not a fused pair itself."""
    tokens = _decimal_tokens(text)
    return tokens is None or len(tokens) == 1


def _split_paired_values(rows: list[list[Slot]]) -> list[list[Slot]]:
    head = header_rows(rows)
    body = rows[head:]
    c = 1
    while c < max(len(row) for row in rows):
        cells = [_decimal_tokens(row[c][0]) if c < len(row) else None for row in body]
        pairs = sum(1 for t in cells if t is not None and len(t) == 2)
        if pairs < 3 or 3 * pairs < 2 * len(body):
            c += 1
            continue
        out: list[list[Slot]] = []
        for r, row in enumerate(rows):
            if c >= len(row):
                out.append(list(row))
                continue
            slot = row[c]
            if r < head:
                spanned = (c > 0 and row[c - 1] is slot) or (
                    c + 1 < len(row) and row[c + 1] is slot
                )
                new = slot if spanned else ("", slot[1], 1, 1)
                out.append([*row[: c + 1], new, *row[c + 1 :]])
                continue
            tokens = cells[r - head]
            if tokens is None or len(tokens) < 2:
                first, second = slot[0], ""
            else:
                first, second = tokens[0], " ".join(tokens[1:])
            out.append([*row[:c], (first, *slot[1:]), (second, slot[1], 1, 1), *row[c + 1 :]])
        for r in range(head):
            _lend_fused_label(out[r], c + 1)
        rows = out
        c += 2
    return rows
