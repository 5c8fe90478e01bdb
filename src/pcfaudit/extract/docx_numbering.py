"""Word list numbering, replayed: the "3.6" that Word prints before an auto-numbered
heading is not in the paragraph's text, only in numbering.xml and a counter."""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "零一二三四五六七八九"


class Numbering:
    def __init__(
        self, document: Any, styles: dict[str, tuple[str, int | None, str | None]]
    ) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str, str | None]]] = {}
        self.legal: set[tuple[str, int]] = set()  # (abstractNumId, ilvl) with w:isLgl
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int | None]] = {}
        self.styles = styles
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for ab in root.iter(f"{W}abstractNum"):
            lvls: dict[int, tuple[int, str, str, str | None]] = {}
            ab_id = ab.get(f"{W}abstractNumId") or ""
            for lvl in ab.iter(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"))
                if lvl.find(f"{W}isLgl") is not None:
                    # "legal" numbering prints every level in Arabic digits: 1.1, not 一.1
                    self.legal.add((ab_id, ilvl))
                lvls[ilvl] = (
                    _int(_val(lvl, "start"), 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    _val(lvl, "pStyle"),
                )
            self.levels[ab_id] = lvls
        for num in root.iter(f"{W}num"):
            overrides = {
                _int(o.get(f"{W}ilvl")): _int(_val(o, "startOverride"), 1)
                for o in num.iter(f"{W}lvlOverride")
                if o.find(f"{W}startOverride") is not None
            }
            self.nums[num.get(f"{W}numId") or ""] = (_val(num, "abstractNumId") or "", overrides)
        for st in document.styles.element.iter(f"{W}style"):
            numpr = st.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                level = _val(numpr, "ilvl")
                self.style_num[st.get(f"{W}styleId") or ""] = (
                    _val(numpr, "numId") or "",
                    int(level) if level and level.isdigit() else None,
                )

    def label(self, ppr: Any, style_id: str) -> str | None:
        """The number Word prints before this paragraph ("3.6", "一、"), advancing the
        counters; None for bullets and unnumbered paragraphs."""
        num_id, ilvl = self._num_of(ppr, style_id)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        lvls = self.levels.get(abstract, {})
        if ilvl is None:
            ilvl = next((k for k, v in lvls.items() if v[3] == style_id), 0)
        if ilvl not in lvls:
            return None
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, lvls[ilvl][0])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text = lvls[ilvl][1], lvls[ilvl][2]
        if fmt in ("bullet", "none") or not text:
            return None
        for k in range(ilvl + 1):
            if k in lvls:
                value = counters.get(k, overrides.get(k, lvls[k][0]))
                fmt_k = "decimal" if (abstract, ilvl) in self.legal else lvls[k][1]
                text = text.replace(f"%{k + 1}", _format(value, fmt_k))
        return text.strip()

    def _num_of(self, ppr: Any, style_id: str) -> tuple[str | None, int | None]:
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        if numpr is not None:
            ilvl = _val(numpr, "ilvl")
            num_id = _val(numpr, "numId")
            if num_id is not None:
                return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0
        seen: set[str] = set()
        sid: str | None = style_id
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.style_num:
                return self.style_num[sid]
            sid = self.styles.get(sid, ("", None, None))[2]
        return None, None


def _format(value: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "chineseLegalSimplified",
    ):
        return _chinese(value)
    if fmt in ("upperLetter", "lowerLetter"):
        s = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        s = _roman(value)
        return s if fmt == "upperRoman" else s.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "decimalEnclosedCircle" and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    return str(value)


def _chinese(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for v, s in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= v:
            out, n = out + s, n - v
    return out


def _val(el: Any, name: str) -> str | None:
    child = el.find(f"{W}{name}") if el is not None else None
    return None if child is None else child.get(f"{W}val")


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
