"""The implementation timeline: every scheduled item with its day, its lane and the links between items."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Literal

from agreements.index import AgreementIndex, index_of
from agreements.model import Agreement
from agreements.schedule.sequencing import Scheduled, SequencingCycle, collect, due_days, order
from clauses.base import ClauseBase, Track
from clauses.errors import DraftError, Problem
from clauses.languages import DEFAULT_LANGUAGE

FORMAT = "peacedraft.timeline/1"
LANES: tuple[str, ...] = typing.get_args(Track)
LinkKind = Literal["action_for_action", "requires"]


@dataclass(frozen=True)
class Entry:
    """One scheduled item: its day after entry into force (None when it has no fixed day) and where it stands."""

    id: str
    label: str
    track: str
    day: int | None
    after: str | None
    requires: tuple[str, ...]
    owner: str
    article: str | None

    def to_json(self) -> dict:
        """Return the entry as plain data."""
        return {
            "id": self.id, "label": self.label, "track": self.track, "day": self.day, "after": self.after,
            "requires": list(self.requires), "owner": self.owner, "article": self.article,
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
            "lanes": list(self.lanes),
            "entries": [entry.to_json() for entry in self.entries],
            "unscheduled": [entry.id for entry in self.unscheduled],
            "links": [link.to_json() for link in self.links],
        }


def schedule(agreement: Agreement) -> Timeline:
    """Return the timeline of an agreement; raise DraftError when its items wait for each other in a circle."""
    items = collect(agreement)
    try:
        days = due_days(items)
    except SequencingCycle as cycle:
        raise _cycle_error(agreement, items[cycle.cycle[0]], cycle) from None
    depth = _depths(items)
    rank = {key: index for index, key in enumerate(items)}
    index = index_of(agreement)
    entries = [_entry(index, item, days[item.id]) for item in items.values()]
    entries.sort(key=lambda entry: (entry.day is None, entry.day or 0, depth[entry.id], rank[entry.id]))
    titles = [agreement.meta.short_title or {}, agreement.meta.title]
    title = next((text[DEFAULT_LANGUAGE] for text in titles if DEFAULT_LANGUAGE in text), "Agreement")
    return Timeline(title, agreement.meta.version, tuple(entries), _links(index, items))


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


def _entry(index: AgreementIndex, item: Scheduled, day: int | None) -> Entry:
    """Return the timeline entry of one scheduled item: its lane is its own track, else its clause kind's lane."""
    model, clause, article = index.holders(item.path)
    track = getattr(model, "track", None) or (clause.lane if clause is not None else ClauseBase.lane)
    after = item.deadline.after if item.deadline is not None else None
    owner = clause.id if clause is not None else item.id
    return Entry(item.id, _label(model), track, day, after, item.requires, owner,
                 article.id if article is not None else None)


def _label(model: object) -> str:
    """Return an item's English label or name, else its id."""
    for field in ("label", "name"):
        text = getattr(model, field, None)
        if isinstance(text, dict) and text.get(DEFAULT_LANGUAGE):
            return " ".join(text[DEFAULT_LANGUAGE].split())
    return model.id


def _links(index: AgreementIndex, items: dict[str, Scheduled]) -> tuple[Link, ...]:
    """Return the action-for-action links, then the preconditions, between scheduled items."""
    found: list[Link] = []
    for clause in index.clauses():
        found += [Link(first, unlocked, "action_for_action") for first, unlocked in clause.unlocks()]
    for item in items.values():
        found += [Link(required, item.id, "requires") for required in item.requires]
    known = [link for link in found if link.source in items and link.target in items]
    return tuple(dict.fromkeys(known))


def text_lines(timeline: Timeline) -> list[str]:
    """Return one line per entry: day, lane, id and label, the unscheduled ones last with the reason."""
    width = max((len(entry.id) for entry in timeline.entries), default=0)
    days = {entry.id: entry.day for entry in timeline.entries}
    lines = []
    for entry in timeline.entries:
        day = "-" if entry.day is None else entry.day
        line = f"day {day:>4}  {entry.track:<16}  {entry.id:<{width}}  {entry.label}"
        lines.append(line if entry.day is not None else f"{line}  (no fixed day: {_why_open(entry, days)})")
    return lines


def _why_open(entry: Entry, days: dict[str, int | None]) -> str:
    """Return why an entry has no fixed day."""
    if entry.after is None:
        return "no deadline"
    if entry.after not in days:
        return f"counts from unknown event '{entry.after}'"
    return f"counts from {entry.after}, which has no fixed day"
