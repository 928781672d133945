"""The shell of a self-contained HTML page: one file with its styles inline, no script, no network.

The static outputs (`render --format html`, `diff --format html`) and the workbench share the styles in
templates/html/: the workbench links them, a static page carries them inline.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources

from markupsafe import Markup, escape


def stylesheet(name: str) -> str:
    """Return the text of a stylesheet of templates/html/ ('document' → document.css)."""
    return resources.files("templates").joinpath("html", f"{name}.css").read_text("utf-8")


def standalone_page(title: str, lang_tag: str, body: str | Markup, styles: Sequence[str], extra_css: str = "") -> str:
    """Return a whole HTML page: its language, title, the named stylesheets inline (then extra_css), and the body."""
    css = "\n".join(stylesheet(name) for name in styles) + extra_css
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang_tag)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
