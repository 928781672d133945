"""A draft's parameters in words, for the reports a person reads: the positions matrix and the cover memo.

Ids become names: a party, body or zone its registered name, a scheduled item its label (or its kind's
words), a deadline the phrase of the text ('within 90 days after the completion of the step “…”'); an
enumerated value becomes the word the clause's language file gives it (else its words without underscores).
A changed list says what it adds and drops; a value too long for a table says only that it changed.
"""

from __future__ import annotations

import re
from typing import Any

from agreements.diff.compare import label
from agreements.document.context import scope_for
from agreements.index import Place, index_of
from agreements.model import Agreement, Recital
from agreements.schedule.labels import capitalised, label_of
from clauses.base import ENTRY_INTO_FORCE, Deadline
from clauses.formatting import parameter_label
from clauses.languages import DEFAULT_LANGUAGE, language

ITEM = re.compile(r"\[([^\]]*)\]")
LONG = 120  # characters: a setting longer than this reads only '… changed'
OWN_TEXT = ("title", "label", "name", "names", "heading")
UNITS = {"_km2": "km2", "_km": "km", "hours": "hours", "_usd": "usd"}  # parameter name ending → phrase
ENGLISH = language(DEFAULT_LANGUAGE)


class Wording:
    """Words for the ids and values of one or more versions of a draft (the first that knows an id names it)."""

    def __init__(self, *agreements: Agreement, lang: str = DEFAULT_LANGUAGE):
        self.words = language(lang)
        self.agreements = agreements
        self.scopes = [scope_for(agreement) for agreement in agreements]
        self.indexes = [index_of(agreement) for agreement in agreements]

    def name(self, key: str) -> str | None:
        """Return the name of a registered party, body or zone, or the label of a scheduled item, else None."""
        for agreement in self.agreements:
            for entry in (*agreement.parties, *agreement.bodies, *agreement.zones):
                if entry.id == key:
                    return self.words.local(entry.names)
        for index, scope in zip(self.indexes, self.scopes):
            found = label_of(index, key, self.words, scope)
            if found:
                return found
        return None

    def event(self, key: str) -> str:
        """Return what a deadline counts from, in running text."""
        scope = next((scope for scope in self.scopes if key in scope.events), self.scopes[0])
        return scope.event(key, self.words)

    def deadline(self, value: dict) -> str:
        """Return a deadline as the text says it ('within 90 days after the entry into force of this Agreement')."""
        deadline = Deadline.model_validate(value)
        scope = next((scope for scope in self.scopes if deadline.after in scope.events), self.scopes[0])
        return scope.deadline(deadline, self.words)

    def value(self, kind: str, name: str, value: Any) -> str:
        """Return one parameter value in words ('—' for none)."""
        if value is None:
            return "—"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, dict) and set(value) == {"after", "days"}:
            return self.deadline(value)
        if isinstance(value, list):
            return self.words.join([self.value(kind, name, item) for item in value]) or "none"
        if isinstance(value, dict):
            return self.record(kind, value)
        if isinstance(value, str):
            return self.name(value) or self.words.terms.get(kind, {}).get(value) or value.replace("_", " ")
        return self.quantity(name, value)

    def quantity(self, name: str, value: float) -> str:
        """Return a number with the unit its parameter's name gives it ('15 kilometres', '72 hours', '90 days')."""
        for ending, phrase in UNITS.items():
            if name.endswith(ending):
                return self.words.phrase(phrase, n=self.words.number(value))
        return self.words.days(value) if name.endswith("days") else self.words.number(value)

    def record(self, kind: str, value: dict) -> str:
        """Return a nested item in words: its own title or name, else each of its fields."""
        for field in OWN_TEXT:
            if isinstance(value.get(field), dict) and self.words.local(value[field]):
                return self.words.local(value[field])
        return "; ".join(f"{key.replace('_', ' ')}: {self.value(kind, key, item)}" for key, item in value.items()
                         if key != "id" and item not in (None, [], {}))

    def parameter(self, model: type | None, path: str) -> str:
        """Return what a reader calls a parameter, the item it belongs to named ('deadline (Gyeongui Line Crossing)')."""
        title = parameter_label(model, path)
        items = [self.name(key) or key for key in ITEM.findall(path)]
        if "." in title:  # no title: the last field's name in words
            title = field_name(path).replace("_", " ")
        return f"{title} ({', '.join(items)})" if items else title

    def setting(self, model: type | None, kind: str, change: dict) -> str:
        """Return what an option sets one parameter to, relative to the base text: lists as items added and dropped."""
        title, name = self.parameter(model, change["parameter"]), field_name(change["parameter"])
        old, new = change["old"], change["new"]
        text = f"{title}: {self._difference(kind, name, old, new) or self.value(kind, name, new)}"
        return text if len(text) <= LONG else f"{title} changed"

    def change(self, model: type | None, kind: str, change: dict) -> str:
        """Return one parameter change, old → new: lists as the items added and dropped; a deadline's days."""
        title, name = self.parameter(model, change["parameter"]), field_name(change["parameter"])
        old, new = change["old"], change["new"]
        if change["parameter"].endswith("]") and None in (old, new):  # a whole item of a list, added or dropped
            title = self.parameter(model, ITEM.sub("", change["parameter"]))
            return f"{title}: {'adds' if old is None else 'drops'} {self.value(kind, name, new or old)}"
        listed = self._difference(kind, name, old, new)
        if listed:
            return f"{title}: {listed}"
        if isinstance(old, dict) and isinstance(new, dict) and old.get("after") == new.get("after") and "days" in old:
            after = "entry into force" if old["after"] == ENTRY_INTO_FORCE else self.event(old["after"])
            return f"{title}: {old['days']} → {new['days']} days after {after}"
        return f"{title}: {self.value(kind, name, old)} → {self.value(kind, name, new)}"

    def _difference(self, kind: str, name: str, old: Any, new: Any) -> str | None:
        """Return what a changed list adds and drops ('adds nuclear weapons; drops balloons'), None for a non-list."""
        if not (isinstance(old, list) and isinstance(new, list)):
            return None
        added = [self.value(kind, name, item) for item in new if item not in old]
        dropped = [self.value(kind, name, item) for item in old if item not in new]
        said = ([f"adds {self.words.join(added)}"] if added else []) + (
            [f"drops {self.words.join(dropped)}"] if dropped else [])
        return "; ".join(said) or "reordered"

    def party_names(self, keys: list[str]) -> str:
        """Return parties named by id, joined ('Republic of Korea and United States')."""
        return self.words.join([self.scopes[0].short_name(key, self.words.code) for key in keys])


def field_name(path: str) -> str:
    """Return the field a dotted parameter path ends in ('crossings[crossing.x].deadline' → 'deadline')."""
    return ITEM.sub("", path).rsplit(".", 1)[-1]


def place_reference(place: Place | None) -> str:
    """Return where a node stands in running text ('paragraph 3 of Article 8', 'recital 4 of the preamble')."""
    if place is not None and isinstance(place.node, Recital):
        return f"recital {place.index + 1} of the preamble"
    return label(place)


def place_words(place: Place | None, places: dict[str, Place]) -> str:
    """Return where a node stands, capitalised, with its article's heading ('Paragraph 1 of Article 13 — Foreign
    Forces'); a recital by its number ('Preamble, recital 3')."""
    if place is None:
        return "—"
    if isinstance(place.node, Recital):
        return f"Preamble, recital {place.index + 1}"
    text = capitalised(label(place))
    article = places.get(place.article)
    heading = getattr(article.node, "heading", None) if article is not None else None
    return f"{text} — {' '.join(ENGLISH.local(heading).split())}" if heading else text
