"""The shared vocabulary: one home per concept, used by every stage.

``units`` (spellings, normalising, exact conversions), ``rates`` (emission-factor units),
``stages`` (life-cycle stages as reports name them), ``carriers`` (energy carriers and fuels),
``gases`` (greenhouse gas names), ``cues`` (words that mark a claim: hotspots, sources).
Modules here import nothing from the pipeline stages; importing this package costs nothing.
"""
