"""EPD result-matrix rules (being written)."""
