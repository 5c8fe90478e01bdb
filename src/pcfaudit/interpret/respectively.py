"""Lists stated "respectively": "A、B和C的占比分别为28%、26%和19%" / "A, B and C account for 28 %,
26 % and 19 % respectively". The prose reader gives each value the whole list as its label;
here each value gets its own item, in order, when the list has exactly as many items as the
sentence has values.
"""

from __future__ import annotations

import dataclasses

import regex

from pcfaudit.model import ReportedValue

_SEP = regex.compile(r"\s*(?:、|，|,|和|及|与|以及|\band\b)\s*")
# What follows the last item: "产生的碳排放量所" / "account for" …
_TAIL = regex.compile(
    r"(?:产生|排放|的|所|占|比例|比重|carbon|emissions?|accounts?|for|\s)+$", regex.I
)


def split_items(label: str, count: int) -> list[str] | None:
    """The ``count`` items of a list label, or None when it is not such a list."""
    items = [i for i in _SEP.split(label.strip()) if i]
    if len(items) != count:
        return None
    items[-1] = _TAIL.sub("", items[-1]) or items[-1]
    if any(len(i) > 20 for i in items):
        return None
    return items


def split_respectively(values: list[ReportedValue]) -> list[ReportedValue]:
    groups: dict[tuple[str | None, int | None, int | None], list[int]] = {}
    for i, v in enumerate(values):
        if v.kind == "prose-share" and v.label:
            groups.setdefault((v.label, v.location.line, v.location.page), []).append(i)
    out = list(values)
    for (label, _, _), idx in groups.items():
        if len(idx) < 2 or label is None:
            continue
        items = split_items(label, len(idx))
        if items is None:
            continue
        for i, item in zip(idx, items, strict=True):
            out[i] = dataclasses.replace(values[i], label=item)
    return out
