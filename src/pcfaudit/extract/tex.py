"""LaTeX fragments in converter text reduced to plain text: ``$\\geq 1\\ 000$`` → ``≥ 1 000``,
``tCO_2e`` → ``tCO2e``, ``\\sum_{i=1}^n`` → ``∑``, ``\\frac{a}{b}`` → ``(a)/(b)``; OCR
converters' spacing undone ("1 0 6 . 7 3" → "106.73") and their noise dropped (empty or
operator-only scripts, ``\\scriptscriptstyle``)."""

from __future__ import annotations

import re

_SUP_DIGITS = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")
_SPACE_RUN_RE = re.compile(r" {2,}")

_TEX_SYMBOLS = {
    "geqslant": "≥",
    "leqslant": "≤",
    "geq": "≥",
    "leq": "≤",
    "ge": "≥",
    "le": "≤",
    "neq": "≠",
    "ne": "≠",
    "times": "×",
    "cdot": "·",
    "div": "÷",
    "pm": "±",
    "approx": "≈",
    "sim": "~",
    "sum": "∑",
    "prod": "∏",
    "infty": "∞",
    "to": "→",
    "rightarrow": "→",
    "leftarrow": "←",
    "degree": "°",
    "circ": "°",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "Delta": "Δ",
    "eta": "η",
    "lambda": "λ",
    "mu": "μ",
    "rho": "ρ",
    "sigma": "σ",
    "Sigma": "Σ",
    "varepsilon": "ε",
    "epsilon": "ε",
    "quad": " ",
    "qquad": " ",
    "cdots": "…",
    "ldots": "…",
    "dots": "…",
    "%": "%",
    ",": " ",
    ";": " ",
    ":": " ",
    "!": "",
    " ": " ",
    "{": "{",
    "}": "}",
    "_": "_",
    "$": "$",
    "#": "#",
    "&": "&",
    "\\": "\n",
    "partial": "∂",
    "mid": "|",
    "gt": ">",
    "lt": "<",
    "in": "∈",
}
_TEX_DROP = {
    "left",
    "right",
    "displaystyle",
    "textstyle",
    "scriptstyle",
    "scriptscriptstyle",
    "limits",
    "nolimits",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "rm",
    "bf",
    "it",
    "mathrm",
    "mathbf",
    "mathit",
    "text",
    "textrm",
    "textbf",
    "operatorname",
    "mbox",
    "boldsymbol",
    "mathsf",
    "tag",
}
_TEX_CMD_RE = re.compile(r"\\([A-Za-z]+|.)")
_TEX_FRAC_RE = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_TEX_SQRT_RE = re.compile(r"\\sqrt\s*\{([^{}]*)\}")
_TEX_LIMITS_RE = re.compile(r"([∑∏])(?:\s*_(?:\{[^{}]*\}|\S))?(?:\s*\^(?:\{[^{}]*\}|\S))?")
_TEX_SUB_RE = re.compile(r"_(?:\{([^{}]*)\}|(\S))")
_TEX_DOUBLE_BRACE_RE = re.compile(r"\{\s*\{([^{}]*)\}\s*\}")
_TEX_SUP_RE = re.compile(r"\^(?:\{([^{}]*)\}|(\S))")
_DISPLAY_RE = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE_RE = re.compile(r"(?<![\\$])\$([^$\n]{1,300}?)(?<!\\)\$(?!\$)")
_MATHY_RE = re.compile(r"[\\^_{}]|^[\d\s.,=<>+\-*/()%]+$")


# OCR converters space every token of a formula: "1 0 6 . 7 3 \times 1 0 ^ { 4 }".
_TEX_OCR_SPACE_RE = re.compile(
    r"(?<=[\d.]) +(?=[\d.])|(?<=[\d.]) +(?=\\%)|(?<=[-+]) +(?=[\d.])|\s+(?=[\^_{}])|(?<=[\^_{])\s+"
)
_TEX_ROMAN_RE = re.compile(r"\\(?:mathrm|mathbf|mathit|textrm|rm)\s*\{((?:[^{}]|\{[^{}]*\})*)\}")


def _ocr_unspaced(tex: str) -> str:
    """Undo converter spacing: digits of one number joined, scripts tight, the letters of an
    upright unit or formula joined (``\\mathrm { h m }`` → ``hm``, one nesting); ``~`` a space."""
    s = _TEX_ROMAN_RE.sub(lambda m: "{" + m.group(1).replace(" ", "") + "}", tex)
    s = _TEX_OCR_SPACE_RE.sub("", s)
    return s.replace("~", " ")


def tex_to_text(tex: str) -> str:
    """Reduce a TeX math fragment to readable plain text (see the module docstring)."""
    s = _TEX_FRAC_RE.sub(r"(\1)/(\2)", _ocr_unspaced(tex))
    s = _TEX_SQRT_RE.sub(r"√(\1)", s)

    def command(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _TEX_DROP:
            return ""
        if name in _TEX_SYMBOLS:
            sym = _TEX_SYMBOLS[name]
            # "\times3" must not glue: keep the space TeX would have kept visible
            return sym
        return name if len(name) > 1 else ""

    s = _TEX_CMD_RE.sub(command, s)
    s = _TEX_LIMITS_RE.sub(r"\1", s)
    s = _TEX_SUB_RE.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), s)

    def sup(m: re.Match[str]) -> str:
        body = m.group(1) if m.group(1) is not None else m.group(2)
        if re.fullmatch(r"[0-9+\-]+", body):
            return body.translate(_SUP_DIGITS)
        if body == "°" or body.strip() in {"", ">", "<", "＞", "＜"}:
            return body.strip()  # an empty or operator-only script is converter noise: "(CK)^{>}"
        if re.fullmatch(r"[A-Za-z*]{1,3}", body) and m.string[: m.start()][-1:].isdigit():
            return body  # a footnote or significance mark on a number: "12.5^{a}" → "12.5a"
        return "^" + body

    s = _TEX_DOUBLE_BRACE_RE.sub(r"{\1}", s)  # "^{\mathrm{b}}" left "^{{b}}": one group
    s = _TEX_SUP_RE.sub(sup, s)
    s = s.replace("{", "").replace("}", "").replace("&", " ")
    return _SPACE_RUN_RE.sub(" ", s).strip()


def replace_tex(s: str) -> str:
    """Every ``$$…$$`` and ``$…$`` fragment of ``s`` as plain text (money like \"$5\" kept)."""
    s = _DISPLAY_RE.sub(lambda m: tex_to_text(m.group(1)), s)

    def inline(m: re.Match[str]) -> str:
        body = m.group(1)
        if not _MATHY_RE.search(body.strip()):
            return m.group(0)  # "$5 and $6": money, not maths
        return tex_to_text(body)

    return _INLINE_RE.sub(inline, s)
