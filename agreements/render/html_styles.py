"""The styles a document's HTML draws from the language files: each language's fonts, as `:lang(tag)` rules, and
no gap after a number where the language runs its text straight on (`label_gap: ""`, Chinese after 、 and ）).

A language's fonts live in its file (`web_fonts:`, first choice first), so a new language brings its own; the
static page carries these rules inline and the workbench serves them beside templates/html/document.css.
"""

from __future__ import annotations

import re

from clauses.languages import LANGUAGES, VARIANTS, language

GENERIC_FAMILIES = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif",
                              "ui-sans-serif", "ui-monospace", "math", "emoji", "fangsong"})
UNSAFE_IN_IDENTIFIER = re.compile(r"[^A-Za-z0-9-]")
NUMBERED = ".document :is(.paragraph-text, .point-text, .subpoint-text, .recital-text)"  # number and text side by side


def css_identifier(text: str) -> str:
    """Return text as a CSS identifier, any character but a letter, digit or hyphen escaped by its code."""
    return UNSAFE_IN_IDENTIFIER.sub(lambda found: f"\\{ord(found.group()):x} ", text)


def css_family(name: str) -> str:
    """Return a font family as CSS names it: a generic family bare, any other quoted (its quotes and '<' escaped)."""
    if name in GENERIC_FAMILIES:
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def language_styles(codes: tuple[str, ...] = (*LANGUAGES, *VARIANTS), fonts: bool = True) -> str:
    """Return a `:lang(tag) { font-family: … }` rule for each language (and variant) that names its web fonts, its
    line breaking where it keeps words whole, and a rule taking away the gap after a number for each whose text
    runs straight on after it (fonts=False: the line breaking alone, for pages with fonts of their own)."""
    rules = []
    for code in codes:
        words = language(code)
        if fonts and words.web_fonts:
            families = ", ".join(css_family(name) for name in words.web_fonts)
            rules.append(f":lang({css_identifier(words.tag)}) {{ font-family: {families}; }}\n")
        if words.line_breaks != "normal":
            rules.append(f":lang({css_identifier(words.tag)}) {{ word-break: {words.line_breaks}; "
                         "overflow-wrap: anywhere; }\n")
        if fonts and words.phrases.get("label_gap", " ") == "":
            rules.append(f"{NUMBERED}:lang({css_identifier(words.tag)}) {{ gap: 0; }}\n")
    return "".join(rules)
