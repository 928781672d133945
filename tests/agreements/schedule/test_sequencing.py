"""The schedule: due days follow deadlines through steps; cycles are reported with their path."""

from __future__ import annotations

import pytest

from agreements.drafts import parse_agreement
from agreements.schedule.sequencing import Scheduled, SequencingCycle, collect, due_days, order
from clauses.base import Deadline
from tests.conftest import BASE_DRAFT


def item(key: str, after: str = "entry_into_force", days: int = 0, requires: tuple[str, ...] = ()) -> Scheduled:
    """Return a scheduled item."""
    return Scheduled(key, (), Deadline(after=after, days=days), requires)


def test_due_days_of_the_base_draft():
    agreement = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml")
    assert due_days(collect(agreement)) == {
        "pullback.distance": 90, "unc.status": 120, "step.liaison": 60, "step.talks": 70,
    }


def test_chains_add_up_and_open_ended_items_stay_open():
    items = {"a": item("a", days=10), "b": item("b", "a", 5), "c": Scheduled("c", (), None, ("a",)), "d": item("d", "c", 3)}
    assert due_days(items) == {"a": 10, "b": 15, "c": None, "d": None}


def test_order_puts_preconditions_first():
    items = {"late": item("late", requires=("early",)), "early": item("early")}
    assert order(items) == ["early", "late"]


def test_cycle_names_the_circle():
    items = {"a": item("a", "b"), "b": item("b", requires=("c",)), "c": item("c", "a")}
    with pytest.raises(SequencingCycle) as caught:
        due_days(items)
    cycle = caught.value.cycle
    assert cycle[0] == cycle[-1] and set(cycle) == {"a", "b", "c"}


def test_large_chain_does_not_recurse():
    items = {f"s{n}": item(f"s{n}", f"s{n - 1}" if n else "entry_into_force", 1) for n in range(5000)}
    assert due_days(items)["s4999"] == 5000
