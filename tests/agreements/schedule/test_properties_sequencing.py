"""Properties of the schedule over arbitrary graphs of steps: cycles, self-loops and unknown ids included.

due_days either gives every item its day or names a real cycle, always quickly; days follow deadlines exactly.
"""

from __future__ import annotations

import itertools
import signal
from contextlib import contextmanager

from hypothesis import given
from hypothesis import strategies as st

from agreements.schedule.sequencing import Scheduled, SequencingCycle, due_days
from clauses.base import ENTRY_INTO_FORCE, MAX_DAYS, Deadline

KNOWN = [f"s{number}" for number in range(8)]
UNKNOWN = ["unknown", "other.unknown"]
NAMES = st.sampled_from([*KNOWN, *UNKNOWN])
LIMIT_SECONDS = 2  # CPU seconds (a case takes under a millisecond)


@st.composite
def schedules(draw) -> dict[str, Scheduled]:
    """Return scheduled items whose deadlines and preconditions name any id (themselves, unknown ones, cycles);
    or only unknown ids and items drawn before them (chains, no cycle); or also the next item, round in a ring."""
    keys = draw(st.lists(st.sampled_from(KNOWN), min_size=1, max_size=len(KNOWN), unique=True))
    shape = draw(st.sampled_from(["chains", "any", "ring"]))
    items = {}
    for index, key in enumerate(keys):
        names = NAMES if shape == "any" else st.sampled_from([*keys[:index], *UNKNOWN])
        after = draw(st.one_of(st.just(ENTRY_INTO_FORCE), names, names))
        requires = draw(st.lists(names, max_size=3))
        deadline = draw(st.none() | st.builds(Deadline, after=st.just(after), days=st.integers(0, MAX_DAYS)))
        if shape == "ring":
            requires.append(keys[(index + 1) % len(keys)])
        items[key] = Scheduled(key, (), deadline, tuple(requires))
    return items


def edges(items: dict[str, Scheduled]) -> dict[str, set[str]]:
    """Return what each item waits for among the items: its deadline's event and its preconditions."""
    waits = {}
    for key, item in items.items():
        found = set(item.requires) | ({item.deadline.after} if item.deadline else set())
        waits[key] = found & items.keys()
    return waits


def has_cycle(waits: dict[str, set[str]]) -> bool:
    """Return whether the graph has a cycle (depth-first search, written apart from graphlib)."""
    state: dict[str, str] = {}

    def visit(key: str) -> bool:
        state[key] = "open"
        for target in waits[key]:
            if state.get(target) == "open" or (target not in state and visit(target)):
                return True
        state[key] = "done"
        return False

    return any(key not in state and visit(key) for key in waits)


def expected_day(key: str, items: dict[str, Scheduled]) -> int | None:
    """Return an item's day by following its deadlines back to entry into force (acyclic graphs only)."""
    deadline = items[key].deadline
    if deadline is None:
        return None
    if deadline.after == ENTRY_INTO_FORCE:
        return deadline.days
    base = expected_day(deadline.after, items) if deadline.after in items else None
    return None if base is None else base + deadline.days


@contextmanager
def time_limit(seconds: float):
    """Fail with TimeoutError when the block uses more than seconds of CPU (an endless loop fails, never hangs)."""
    def expired(signum, frame):
        raise TimeoutError(f"took more than {seconds} s of CPU")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def outcome(items: dict[str, Scheduled]) -> dict[str, int | None] | SequencingCycle:
    """Return the due days, or the cycle raised, within the time limit."""
    with time_limit(LIMIT_SECONDS):
        try:
            return due_days(items)
        except SequencingCycle as cycle:
            return cycle


@given(items=schedules())
def test_every_item_gets_a_day_or_a_real_cycle_is_named(items):
    """due_days ends quickly with a day for every item, or raises SequencingCycle naming a real cycle."""
    result, waits = outcome(items), edges(items)
    if isinstance(result, SequencingCycle):
        cycle = result.cycle
        assert len(cycle) >= 2 and cycle[0] == cycle[-1]
        assert all(after in waits[before] for before, after in itertools.pairwise(cycle))
    else:
        assert not has_cycle(waits)
        assert result.keys() == items.keys()


@given(items=schedules())
def test_days_follow_deadlines(items):
    """An item is never due before what its deadline counts from, and falls due exactly that many days later."""
    result = outcome(items)
    if isinstance(result, SequencingCycle):
        return
    for key, item in items.items():
        assert result[key] == expected_day(key, items)
        after = item.deadline.after if item.deadline else None
        if result[key] is not None and after in items:
            assert result[key] >= result[after]
