"""pcfaudit: audit product carbon footprint reports.

>>> import pcfaudit
>>> result = pcfaudit.audit("report.pdf")          # doctest: +SKIP
>>> [f.rule for f in result.findings]              # doctest: +SKIP
>>> result.to_dict()["summary"]                    # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "audit"]


def __getattr__(name: str) -> Any:
    # Imported lazily so `import pcfaudit` stays fast and free of import cycles.
    if name == "audit":
        from pcfaudit.notebook import audit

        return audit
    raise AttributeError(name)
