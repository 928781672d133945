"""The implementation timeline: every scheduled item with its day, its lane and the links between items."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Literal

from agreements.document.context import scope_for
from agreements.index import AgreementIndex, index_of
from agreements.model import Agreement, Article
from agreements.schedule.labels import item_label, place_number
from agreements.schedule.options import Option, options
from agreements.schedule.sequencing import Scheduled, SequencingCycle, collect, due_days, order
from clauses.base import ClauseBase, Track
from clauses.errors import DraftError, Problem
from clauses.languages import DEFAULT_LANGUAGE, Language, language
from clauses.numerals import chinese_numeral

FORMAT = "peacedraft.timeline/1"
LANES: tuple[str, ...] = typing.get_args(Track)
LinkKind = Literal["action_for_action", "requires"]


@dataclass(frozen=True)
class Entry:
    """One scheduled item: its day after entry into force (None when it has no fixed day) and where it stands.

    An item of a clause with open alternatives names its option ('A' the text as written, 'B' … an
    alternative); an alternative's items are entries of their own, keyed `id@B`.
    """

    id: str
    label: str
    track: str
    day: int | None
    after: str | None
    requires: tuple[str, ...]
    owner: str
    article: str | None
    option: str | None = None
    alternative: str | None = None
    reason: str | None = None  # why an option's item has no fixed day, when the option itself says none

    @property
    def key(self) -> str:
        """Return the entry's key on the timeline: its id, with the option's letter for an alternative's item."""
        return f"{self.id}@{self.option}" if self.alternative else self.id

    def to_json(self) -> dict:
        """Return the entry as plain data."""
        return {
            "id": self.id, "key": self.key, "label": self.label, "track": self.track, "day": self.day,
            "after": self.after, "requires": list(self.requires), "owner": self.owner, "article": self.article,
            "option": self.option, "alternative": self.alternative,
        }


@dataclass(frozen=True)
class Link:
    """An arrow between two items: a denuclearization step unlocking a peace step, or a precondition."""

    source: str
    target: str
    kind: LinkKind

    def to_json(self) -> dict:
        """Return the link as plain data."""
        return {"from": self.source, "to": self.target, "kind": self.kind}


@dataclass(frozen=True)
class Timeline:
    """The schedule of one agreement: entries by day (then the unscheduled ones) and the links between them."""

    title: str
    version: str
    entries: tuple[Entry, ...]
    links: tuple[Link, ...]
    lang: str = DEFAULT_LANGUAGE  # the language of the title and labels
    subtitle: str = ""  # round, version and date, in that language

    @property
    def lanes(self) -> tuple[str, ...]:
        """Return the tracks that hold entries, in the fixed lane order."""
        used = {entry.track for entry in self.entries}
        return tuple(lane for lane in LANES if lane in used)

    @property
    def scheduled(self) -> tuple[Entry, ...]:
        """Return the entries with a fixed day."""
        return tuple(entry for entry in self.entries if entry.day is not None)

    @property
    def unscheduled(self) -> tuple[Entry, ...]:
        """Return the entries with no fixed day."""
        return tuple(entry for entry in self.entries if entry.day is None)

    def to_json(self) -> dict:
        """Return the timeline as plain data (format peacedraft.timeline/1)."""
        return {
            "format": FORMAT,
            "title": self.title,
            "version": self.version,
            "lang": self.lang,
            "lanes": list(self.lanes),
            "entries": [entry.to_json() for entry in self.entries],
            "unscheduled": [entry.key for entry in self.unscheduled],
            "links": [link.to_json() for link in self.links],
        }


class Namer:
    """Names scheduled items in one language: their own label, else their kind's words; options marked."""

    def __init__(self, agreement: Agreement, lang: str):
        self.words = language(lang)
        self.scope = scope_for(agreement)

    def label(self, model, number: int, clause: ClauseBase | None, article: Article | None,
              option: Option | None = None) -> str:
        """Return an item's label, marked with its option ('Option B (DPRK): …') when it belongs to one."""
        text = item_label(model, number, clause, article, self.words, self.scope)
        if option is None:
            return text
        letter = self.words.phrase("option", letter=option.letter)
        if not option.proposers:
            return self.words.phrase("timeline_option_plain", option=letter, label=text)
        proposers = self.words.phrase("list_separator").join(self.scope.short_name(key, self.words.code)
                                                             for key in option.proposers)  # as the text lists them
        return self.words.phrase("timeline_option", option=letter, proposers=proposers, label=text)


def schedule(agreement: Agreement, lang: str = DEFAULT_LANGUAGE) -> Timeline:
    """Return the timeline of an agreement, labelled in a language; raise DraftError when its items wait for each
    other in a circle."""
    items = collect(agreement)
    try:
        days = due_days(items)
    except SequencingCycle as cycle:
        raise _cycle_error(agreement, items[cycle.cycle[0]], cycle) from None
    index, namer = index_of(agreement), Namer(agreement, lang)
    found = list(options(index, days))
    option_a = {key: option for option in found if option.alternative is None for key in option.items}
    entries = [_entry(index, namer, item, days[item.id], option_a.get(item.id)) for item in items.values()]
    entries += [_option_entry(index, namer, option, key) for option in found if option.alternative
                for key in option.items]
    depth, rank = _depths(items), {key: place for place, key in enumerate(items)}
    entries.sort(key=lambda entry: (entry.day is None, entry.day or 0, depth.get(entry.id, 0),
                                    rank.get(entry.id, len(rank)), entry.option or ""))
    title, subtitle = _titles(agreement, namer.words)
    return Timeline(title, agreement.meta.version, tuple(entries), _links(index, items, found), lang, subtitle)


def _titles(agreement: Agreement, words: Language) -> tuple[str, str]:
    """Return the draft's short title (else its title) in a language, and its round, version and date."""
    meta = agreement.meta
    title = next((words.local(text) for text in (meta.short_title, meta.title) if text and words.local(text)),
                 "Agreement")
    subtitle = words.phrase("round", round=meta.round, round_cn=chinese_numeral(meta.round), version=meta.version,
                            date=words.date(meta.date))
    return " ".join(title.split()), subtitle


def _cycle_error(agreement: Agreement, start: Scheduled, cycle: SequencingCycle) -> DraftError:
    """Return the located error of a sequencing cycle, at its first item."""
    return DraftError([Problem(index_of(agreement).locate(start.path), start.id, str(cycle), "PD-E045")])


def _depths(items: dict[str, Scheduled]) -> dict[str, int]:
    """Return each item's longest chain of predecessors, so an item sorts after what it waits for."""
    depth: dict[str, int] = {}
    for key in order(items):
        before = items[key].predecessors() & items.keys()
        depth[key] = 1 + max((depth[other] for other in before), default=-1)
    return depth


def _entry(index: AgreementIndex, namer: Namer, item: Scheduled, day: int | None, option: Option | None) -> Entry:
    """Return the timeline entry of one scheduled item: its lane is its own track, else its clause kind's lane."""
    model, clause, article = index.holders(item.path)
    track = getattr(model, "track", None) or (clause.lane if clause is not None else ClauseBase.lane)
    after = item.deadline.after if item.deadline is not None else None
    owner = clause.id if clause is not None else item.id
    label = namer.label(model, place_number(item.path), clause, article, option)
    return Entry(item.id, label, track, day, after, item.requires, owner, article.id if article is not None else None,
                 option.letter if option else None)


def _option_entry(index: AgreementIndex, namer: Namer, option: Option, key: str) -> Entry:
    """Return the entry of one item of an alternative: the clause's lane and place, the alternative's day."""
    item = option.items[key]
    model, number = option.models[key]
    _, _, article = index.holders(index.path(option.clause.id))
    track = getattr(model, "track", None) or option.clause.lane
    after = item.deadline.after if item.deadline is not None else None
    return Entry(key, namer.label(model, number, option.clause, article, option), track, option.days[key], after,
                 item.requires, option.clause.id, article.id if article is not None else None, option.letter,
                 option.alternative.id, option.reason)


def _links(index: AgreementIndex, items: dict[str, Scheduled], found: list[Option]) -> tuple[Link, ...]:
    """Return the action-for-action links, then the preconditions, between scheduled items (an option's too)."""
    links: list[Link] = []
    for clause in index.clauses():
        links += [Link(first, unlocked, "action_for_action") for first, unlocked in clause.unlocks()]
    for item in items.values():
        links += [Link(required, item.id, "requires") for required in item.requires]
    known = set(items)
    for option in (option for option in found if option.alternative):
        links += [Link(first, unlocked, "action_for_action") for first, unlocked in option.links]
        links += [Link(option.key(required), option.key(key), "requires")
                  for key, item in option.items.items() for required in item.requires]
        known |= {option.key(key) for key in option.items}
    return tuple(dict.fromkeys(link for link in links if link.source in known and link.target in known))


def text_lines(timeline: Timeline) -> list[str]:
    """Return one line per entry: day, lane, id and label, the unscheduled ones last with the reason."""
    width = max((len(entry.id) for entry in timeline.entries), default=0)
    known = {entry.key: entry for entry in timeline.entries}
    lines = []
    for entry in timeline.entries:
        day = "-" if entry.day is None else entry.day
        line = f"day {day:>4}  {entry.track:<16}  {entry.id:<{width}}  {entry.label}"
        lines.append(line if entry.day is not None else f"{line}  (no fixed day: {why_open(entry, known)})")
    return lines


def why_open(entry: Entry, known: dict[str, Entry]) -> str:
    """Return why an entry has no fixed day (what it counts from named by its label)."""
    if entry.reason:
        return entry.reason
    if entry.after is None:
        return "no deadline"
    after = known.get(f"{entry.after}@{entry.option}") or known.get(entry.after)
    if after is None:
        return f"counts from unknown event '{entry.after}'"
    return f"counts from “{after.label}”, which has no fixed day"
