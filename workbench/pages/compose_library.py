"""What the compose pages show: the clause library by topic (built once while serving) and the draft's places."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from agreements.drafts import decode, digest_of, parse_agreement, read_bytes
from agreements.index import index_of
from agreements.model import Annex, Article, Part
from clauses.base import ClauseBase
from clauses.formatting import show
from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES, language
from clauses.library import find_option, library
from clauses.library_view import option_report
from clauses.topics import TOPICS
from workbench.parameters import FormField, FormGroup, FormPrefixes, kind_form
from workbench.precedent_data import topic_choices
from workbench.reading import Registry
from workbench.wording import node_label, short_names


@dataclass(frozen=True)
class OptionText:
    """An option's heading and text in one language, with the language's code, name and tag."""

    code: str
    name: str
    tag: str
    heading: str
    text: str


@dataclass(frozen=True)
class OptionView:
    """One option as the compose page shows it: texts side by side, rationale, precedents, parameters, controls."""

    id: str
    slug: str  # the option id with '/' replaced by '-': the form is 'add-<slug>'
    title: str
    topic: str
    texts: tuple[OptionText, ...]
    rationale: str
    citations: tuple[dict, ...]
    parameters: tuple[dict, ...]  # name, type, required, value as a reader reads it ('15 km')
    fields: tuple[FormField | FormGroup, ...]  # the add form's parameters, showing the option's values


def slug_of(option_id: str) -> str:
    """Return an option id as it stands in element ids: 'forces/artillery' → 'forces-artillery'."""
    return option_id.replace("/", "-")


def _option_view(option_id: str) -> OptionView:
    """Return the view of one option, its text rendered in every language."""
    reports = {code: option_report(option_id, code) for code in LANGUAGES}
    first = reports[DEFAULT_LANGUAGE]
    slug = slug_of(option_id)
    fields = option_fields(option_id, None)
    texts = tuple(OptionText(code, language(code).name, language(code).tag, report["heading"], report["text"])
                  for code, report in reports.items())
    parameters = tuple({**row, "shown": show(row["name"], row["value"])} for row in first["parameters"])
    return OptionView(option_id, slug, first["title"], first["topic"], texts, first["rationale"],
                      tuple(first["citations"]), parameters, tuple(fields))


def option_fields(option_id: str, registry: Registry | None) -> tuple[FormField | FormGroup, ...]:
    """Return an option's add-form parameters, references as selects of a draft's registry (None: ids typed)."""
    # ids 'add-<slug>-set-<key>', names 'set.<key>'
    prefixes = FormPrefixes(f"add-{slug_of(option_id)}-set-", "set.")
    return tuple(kind_form(find_option(option_id).instantiate(), registry, prefixes, texts=False))


@functools.cache
def topic_names() -> dict[str, str]:
    """Return each topic's name as the text names it ('The status of the United Nations Command')."""
    return {topic: words[:1].upper() + words[1:] for topic, words in topic_choices()}


@functools.cache
def library_view() -> dict[str, tuple[OptionView, ...]]:
    """Return every option of the library by topic, in topic order (the library does not change while serving)."""
    views = [_option_view(option_id) for option_id in library()]
    return {topic: tuple(view for view in views if view.topic == topic) for topic in TOPICS}


def option_view(option_id: str) -> OptionView:
    """Return the view of an option by id (LibraryError PD-E037 for an unknown one)."""
    option = find_option(option_id)
    return next(view for view in library_view()[option.kind] if view.id == option.id)


@dataclass(frozen=True)
class DraftPlaces:
    """Where an option can go in a draft: parts, articles, clauses and annexes; clauses; parties; and its digest."""

    digest: str
    holders: tuple[tuple[str, str], ...]  # (id, label) of what an option may be added under
    clauses: tuple[tuple[str, str], ...]  # (id, label) of what an option may be an alternative to
    parties: tuple[tuple[str, str], ...]  # (id, name)
    ids: frozenset[str]
    registry: Registry | None = None  # the ids references may name, for the parameters' selects
    short: tuple[tuple[str, str], ...] = ()  # (id, short name) of each party ('China')


def draft_places(file: str) -> DraftPlaces:
    """Return the places of a draft file as it is now, with the digest of the bytes they were read from."""
    raw = read_bytes(file)
    return _places(file, raw)


@functools.lru_cache(maxsize=8)
def _places(file: str, raw: bytes) -> DraftPlaces:
    """Return the places of a draft read from its bytes."""
    agreement = parse_agreement(decode(raw, file), file)
    index = index_of(agreement)
    holders, clauses = [], []
    for node_id, place in index.places.items():
        node = place.node
        if place.number is None or not isinstance(node, (Part, Article, Annex, ClauseBase)):
            continue
        label = node_label(node, place.number)
        holders.append((node_id, label))
        if isinstance(node, ClauseBase):
            clauses.append((node_id, label))
    parties = tuple((party.id, party.names.get(DEFAULT_LANGUAGE) or next(iter(party.names.values())))
                    for party in agreement.parties)
    registry = Registry.of(agreement, ["entry_into_force", *index.by_id])
    return DraftPlaces(digest_of(raw), tuple(holders), tuple(clauses), parties, frozenset(index.by_id), registry,
                       tuple(short_names(agreement)))

