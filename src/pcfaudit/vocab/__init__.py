"""The shared vocabulary: one home per concept, used by every stage.

``units`` (spellings, normalising, exact conversions), ``rates`` (emission-factor units),
``stages`` (life-cycle stages as reports name them), ``carriers`` (energy carriers and fuels),
``gases`` (greenhouse gas names), ``cues`` (words that mark a claim: hotspots, sources);
``keywords`` (a fast key-word test that lets readers skip slow patterns) and ``memo``
(per-document memos of pure readers of short texts).
Modules here import nothing from the pipeline stages; importing this package costs nothing.
"""
