"""Detection-quality benchmark: synthetic clean PCF reports, one-defect mutants, a scorer.

Run ``python -m bench.quality --help``.
"""
