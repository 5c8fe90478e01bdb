"""Evidence helpers shared by rule modules: where a finding points and what it quotes."""

from __future__ import annotations

from pcfaudit.model import InventoryLine, Location


def quoted(location: Location, fallback: str) -> Location:
    """``location`` with a quote: its own, or ``fallback`` when it has none."""
    return location if location.quote else location.with_quote(fallback)


def line_evidence(line: InventoryLine) -> Location:
    """An inventory line's location quoting its row (or, for a hand-built line without one,
    its label, gas, quantity and result)."""
    parts = [line.label]
    if line.gas:
        parts.append(line.gas)
    parts.append(str(line.quantity) if line.quantity else line.marks.get("quantity", ""))
    parts.append(str(line.result) if line.result else line.marks.get("result", ""))
    return quoted(line.location, " | ".join(p for p in parts if p))
