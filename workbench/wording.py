"""Plain words for the workbench's forms: a party's short name, a node's place as the document names it
('Part I', 'Article 8, paragraph 2'), the choices of a clause kind as its terms name them, and the hints beside
typed fields (a number's bounds, a reference, a list written one item per line)."""

from __future__ import annotations

from typing import Any

from agreements.numbering import NO_ARTICLE, NodeNumber
from clauses.languages import DEFAULT_LANGUAGE, Language, language

SUBLEVELS = ("paragraph", "subparagraph", "item")  # the words for the levels below an article, in order
REFERENCE_WORDS = {"party": "a party of the draft", "body": "a body of the draft", "zone": "a zone of the draft",
                   "actor": "a party or body of the draft",
                   "event": "the id of a step of the schedule, or entry_into_force"}
REMOVE = "leave empty to remove"


def _in_default(texts: dict | None) -> str:
    """Return a text in the default language, else in the first language it has ('' for none)."""
    texts = texts or {}
    return texts.get(DEFAULT_LANGUAGE) or next(iter(texts.values()), "")


def short_names(agreement: Any) -> list[tuple[str, str]]:
    """Return (id, short name) of each party: the name the text uses after naming it in full ('China')."""
    return [(party.id, _in_default(party.short_names) or _in_default(party.names) or party.id)
            for party in agreement.parties]


def place_name(number: NodeNumber | None, words: Language | None = None) -> str:
    """Return where a node stands as the document labels it ('Part I', 'Article 8, paragraph 2', 'Annex I'), or ''."""
    if number is None:
        return ""
    words = words or language(DEFAULT_LANGUAGE)
    if number.level in ("part", "annex"):
        return number.label(words)
    steps = [number.annex.label(words)] if number.annex is not None else []
    if number.numbers[0] != NO_ARTICLE:
        steps.append(words.label("article", number.numbers[:1]))
    for depth, level in enumerate(("paragraph", "point", "subpoint")[:len(number.numbers) - 1], start=1):
        label = words.label(level, number.numbers[:depth + 1]).rstrip(".")
        steps.append(f"{SUBLEVELS[depth - 1]} {label}")
    return ", ".join(steps)


def term_labels(values: tuple, section: str | None) -> list[tuple[str, str]]:
    """Return (value, label) of choices: the term a clause kind's words give it, else the value in words."""
    terms = language(DEFAULT_LANGUAGE).terms.get(section or "", {}) if section else {}
    return [(str(value), terms.get(str(value)) or str(value).replace("_", " ")) for value in values]


def _amount(value: Any) -> str:
    """Return a bound as a reader writes it ('7,305', '0.5')."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def number_hint(whole: bool, bounds: dict[str, Any], unit: str, optional: bool) -> str:
    """Return a number's hint: 'a whole number from 0 to 7,305 days', 'more than 0 and at most 100 km'."""
    unit = f" {unit}" if unit else ""
    low = f"from {_amount(bounds['ge'])}" if "ge" in bounds else \
        f"more than {_amount(bounds['gt'])}" if "gt" in bounds else ""
    high = f"to {_amount(bounds['le'])}" if "le" in bounds else f"less than {_amount(bounds['lt'])}" \
        if "lt" in bounds else ""
    if low and high and not low.startswith("from"):
        high = high.replace("to ", "at most ", 1)
    if high and not low:
        high = high.replace("to ", "at most ", 1)
    if low.startswith("from") and not high:
        low = low.replace("from ", "at least ", 1)
    kind = "a whole number" if whole else "a number"
    words = " ".join(part for part in (kind, low, "and" if low and high and not low.startswith("from ") else "",
                                       high) if part) + unit
    return f"{words}; {REMOVE}" if optional else words


def lines_hint(names: list[str], example: str) -> str:
    """Return the hint of a list written one item per line: 'one per line: party, category, maximum (e.g. …)'."""
    return f"one per line: {', '.join(name.replace('_', ' ') for name in names)} (for example: {example})"


def node_label(node: Any, number: NodeNumber | None) -> str:
    """Return how a list names a node: its place, then its heading ('Part I — General Provisions')."""
    heading = getattr(node, "heading", None)
    place = place_name(number)
    if isinstance(heading, dict) and heading:
        return f"{place} — {_in_default(heading)}"
    return place


def contents(index: Any) -> list[tuple[str, str]]:
    """Return (id, label) of each part, article and annex of a draft, in order (the 'Jump to article' list)."""
    return [(node_id, node_label(place.node, place.number)) for node_id, place in index.places.items()
            if place.number is not None and place.number.level in ("part", "article", "annex")]
