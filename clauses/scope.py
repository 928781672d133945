"""What clause templates may name: registered names, scheduled events and cross-references, per language."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ruamel.yaml import YAML

from clauses.base import ENTRY_INTO_FORCE, Deadline
from clauses.languages import DEFAULT_LANGUAGE, Language, language
from clauses.numerals import chinese_numeral
from clauses.particles import korean_particle
from clauses.terminology import term

STANDARD_REGISTRY = Path(__file__).resolve().parent / "library" / "registry.yaml"
EventWording = Callable[[Language], str]


@functools.cache
def standard_registries() -> dict[str, tuple[dict, ...]]:
    """Return the standard parties, bodies and zones as written in the registry file, by registry."""
    data = YAML(typ="safe").load(STANDARD_REGISTRY.read_text(encoding="utf-8"))
    return {key: tuple(data[key]) for key in ("parties", "bodies", "zones")}


def standard_entries() -> tuple[dict, ...]:
    """Return the standard parties, bodies and zones as written in the registry (id, names, short_names …)."""
    return tuple(entry for entries in standard_registries().values() for entry in entries)


def standard_names() -> dict[str, dict[str, str]]:
    """Return the names of the standard parties, bodies and zones by id."""
    return {entry["id"]: entry["names"] for entry in standard_entries()}


def preconditions(step) -> list[str]:
    """Return what a step requires beyond the event its deadline already counts from."""
    counted_from = step.deadline.after if step.deadline else None
    return [key for key in step.requires if key != counted_from]


@dataclass
class Scope:
    """The names, events and references a template may use; unknown ids fall back to the standard registry."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)
    short_names: dict[str, dict[str, str]] = field(default_factory=dict)
    events: dict[str, tuple[bool, EventWording]] = field(default_factory=dict)  # id → (completion?, wording)
    references: dict[str, Callable[[Language], str]] = field(default_factory=dict)
    elsewhere: EventWording | None = None  # how an event this scope does not know is named (else by its id)
    user_folder: Path | None = None
    records: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # id → registered entry
    helper_cache: dict[tuple[str, str], dict[str, object]] = field(default_factory=dict, repr=False, compare=False)

    def name(self, key: str, lang: str) -> str:
        """Return the name of a party, body or zone in a language (its id when it has none)."""
        names = self.names.get(key) or standard_names().get(key) or {}
        return names.get(lang) or names.get(DEFAULT_LANGUAGE) or key

    def short_name(self, key: str, lang: str) -> str:
        """Return the short name of a party (for option labels), else its name."""
        short = self.short_names.get(key) or {}
        return short.get(lang) or self.name(key, lang)

    def event_name(self, key: str, words: Language) -> str:
        """Return how a scheduled item is named in running text ('the step “Freeze”')."""
        _, wording = self.events.get(key, (True, self.elsewhere))
        return wording(words) if wording else key

    def event(self, key: str, words: Language) -> str:
        """Return how what others wait for is named: 'the completion of the step “Freeze”', or a crossing's opening."""
        completion, _ = self.events.get(key, (True, None))
        name = self.event_name(key, words)
        return words.phrase("event_completion", name=name) if completion else name

    def reference(self, key: str, words: Language) -> str:
        """Return a cross-reference to a node ('paragraph 2 of Article 7'), or the id when it has no place."""
        wording = self.references.get(key)
        return wording(words) if wording else key

    def deadline(self, deadline: Deadline, words: Language) -> str:
        """Return a deadline as a phrase ('within 90 days after the entry into force of this Agreement')."""
        if deadline.after == ENTRY_INTO_FORCE:
            key, values = "deadline_eif", {}
        else:
            key, values = "deadline_event", {"event": self.event(deadline.after, words)}
        if deadline.days == 0:
            return words.phrase(f"{key}_zero", **values)
        return words.phrase(key, days=words.days(deadline.days), **values)

    def helpers(self, lang: str, kind: str) -> dict[str, object]:
        """Return the functions and values the template of a kind in a language may call (built once for each)."""
        if (lang, kind) not in self.helper_cache:
            self.helper_cache[(lang, kind)] = self._helpers(lang, kind)
        return self.helper_cache[(lang, kind)]

    def _helpers(self, lang: str, kind: str) -> dict[str, object]:
        """Build the helpers of one kind's template in one language; `term` reads that kind's terms."""
        words = language(lang)

        def name(key: str) -> str:
            return words.phrase("name_in_text", name=self.name(key, lang))

        def names(keys: list[str], conjunction: str = "and") -> str:
            return words.join([name(key) for key in keys], conjunction)

        def section_terms(section: str):
            return lambda values, conjunction="and": words.join([words.term(value, section) for value in values],
                                                                conjunction)

        return {
            "lang": lang,
            "party": name, "body": name, "zone": name, "actor": name,
            "parties": names, "bodies": names, "zones": names, "actors": names,
            "term": lambda value: words.term(value, kind), "terms": section_terms(kind), "join": words.join,
            "language_names": section_terms("languages"), "topic_names": section_terms("topics"),
            "deadline": lambda deadline: self.deadline(deadline, words),
            "days": words.days, "number": words.number, "date": words.date,
            "km": lambda value: words.phrase("km", n=words.number(value)),
            "phrase": words.phrase,
            "event": lambda key: self.event(key, words),
            "event_name": lambda key: self.event_name(key, words),
            "events": lambda keys: words.join([self.event(key, words) for key in keys]),
            "preconditions": preconditions,
            "particle": korean_particle,
            "cn": chinese_numeral,
            "cap": lambda text: text[:1].upper() + text[1:],
            "concept": lambda key: term(words, key),
            "ref": lambda key: self.reference(key, words),
            "local": words.local,
            "registered": self.records.get,
        }
