"""The rule catalog as a package, so it ships in the wheel (see pyproject package-dir)."""
