"""HTML pieces of the diff page: escaped elements, and a text change word by word, inline and side by side.

Every text and attribute is escaped (drafts are untrusted); a mark is underlined or struck, not only coloured, and
says "inserted:" or "deleted:" to a screen reader.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from agreements.diff.characters import invisible, name_of
from agreements.diff.words import DELETE, EQUAL, INSERT
from clauses.languages import language

Diff = list[tuple[int, str]]
MARKS = {INSERT: ("ins", "inserted: "), DELETE: ("del", "deleted: ")}
NOTHING = "—"


def element(name: str, /, *children: object, **attributes: object) -> Markup:
    """Return an element with its attributes and children escaped (Markup children kept as they are).

    An attribute named with a trailing underscore ('class_') loses it; None leaves it out, True writes it bare.
    """
    return Markup("<{}{}>{}</{}>").format(Markup(name), _attributes(attributes), joined(children), Markup(name))


def void(name: str, /, **attributes: object) -> Markup:
    """Return an element without content ('input'), its attributes escaped."""
    return Markup("<{}{}>").format(Markup(name), _attributes(attributes))


def joined(children) -> Markup:
    """Return children escaped and joined (Markup kept as it is, None left out)."""
    return Markup("").join(escape(child) for child in children if child is not None)


def _attributes(attributes: dict[str, object]) -> Markup:
    """Return attributes as ' name="value"', escaped, in the order given."""
    parts = []
    for key, value in attributes.items():
        name = Markup(key.rstrip("_").replace("_", "-"))
        if value is True:
            parts.append(Markup(" {}").format(name))
        elif value is not None and value is not False:
            parts.append(Markup(' {}="{}"').format(name, value))
    return Markup("").join(parts)


def hidden(text: str) -> Markup:
    """Return words a screen reader says and the page does not show."""
    return element("span", text, class_="pd-sr")


def mark(operation: int, text: str) -> Markup:
    """Return inserted or deleted text as <ins>/<del>, said as such; white space alone is named beside it."""
    name, said = MARKS[operation]
    if text and all(invisible(char) for char in text):
        names = " + ".join(dict.fromkeys(name_of(char) for char in text))
        return element(name, hidden(said), text, class_="pd-invisible", title=names) + element(
            "span", f"[{names}]", class_="pd-char-name")
    return element(name, hidden(said), text)


def marked(diff: Diff, shown: tuple[int, ...] = (EQUAL, INSERT, DELETE)) -> Markup:
    """Return the parts of a diff with the given operations, inserted and deleted ones marked."""
    return joined(text if operation == EQUAL else mark(operation, text) for operation, text in diff
                  if operation in shown)


def text_views(diffs: dict[str, Diff], lang: str, versions: tuple[str, str]) -> Markup:
    """Return a text change in each of its languages (the chosen one first): inline, and old beside new."""
    order = sorted(diffs, key=lambda code: code != lang)
    return joined(_language_views(code, diffs[code], versions, len(order) > 1) for code in order)


def _language_views(code: str, diff: Diff, versions: tuple[str, str], named: bool) -> Markup:
    """Return one language's text change: the inline view and the side-by-side view (the page shows one)."""
    words = language(code)
    tag = words.tag
    inline = element("div", element("p", marked(diff) or NOTHING, lang=tag, class_="pd-text"),
                     class_="pd-inline")
    old, new = marked(diff, (EQUAL, DELETE)), marked(diff, (EQUAL, INSERT))
    head = element("tr", *(element("th", title, scope="col") for title in versions))
    row = element("tr", element("td", old or NOTHING, lang=tag, class_="pd-text"),
                  element("td", new or NOTHING, lang=tag, class_="pd-text"))
    sides = element("table", element("thead", head), element("tbody", row), class_="pd-side-by-side")
    title = element("p", words.name, lang=tag, class_="pd-language") if named else None
    return element("div", title, inline, sides, class_="pd-language-diff")


def whole(operation: int, text: str, tag: str) -> Markup:
    """Return a text added or removed whole, as one inserted or deleted mark in its language."""
    return element("p", mark(operation, text), lang=tag, class_="pd-text") if text else Markup("")
