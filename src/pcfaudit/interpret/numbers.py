"""Moved to :mod:`pcfaudit.vocab.numbers` (number formats are shared vocabulary: recompute,
rules and batch read printed numbers too). This name is an alias of that module while
in-flight branches move their imports; new code imports ``pcfaudit.vocab.numbers``."""

import sys

from pcfaudit.vocab import numbers as _numbers

sys.modules[__name__] = _numbers
