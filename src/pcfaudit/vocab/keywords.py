"""A fast test for key words, to skip slow patterns on the many texts that cannot match them.

The claim readers run dozens of case-insensitive patterns over every sentence and cell; the
``regex`` engine tries each alternative at every position, and most texts match none. When
every match of a pattern must contain one of a few literal words, one pass of the standard
``re`` engine over the lower-cased text (it skips quickly to a possible first letter) rules
the pattern out first. The words are the caller's duty: each alternative of the pattern must
contain one of them outside its lookarounds (a test checks the patterns that use this).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Letters that ``regex.IGNORECASE`` matches with an ASCII letter but ``str.lower`` maps
# elsewhere (checked over every code point): dotted capital I, dotless i and the long s.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def any_keyword(keywords: Iterable[str]) -> Callable[[str], bool]:
    """A test whether a text holds one of ``keywords`` (lower case), in any letter case."""
    keys = sorted(set(keywords))
    if any(k != k.lower() or not k for k in keys):
        raise ValueError("keywords are non-empty and lower case")
    pattern = re.compile("|".join(map(re.escape, keys)))

    def holds(text: str) -> bool:
        return pattern.search(fold_case(text)) is not None

    return holds


def fold_case(text: str) -> str:
    """``text`` as the key words are compared with it: in lower case, with the letters
    regex.IGNORECASE folds otherwise folded alike."""
    if "İ" in text or "ı" in text or "ſ" in text:  # rare: translate costs more than lower
        text = text.translate(_FOLD)
    return text.lower()
