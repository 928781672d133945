"""Draft kinds and precedent rows speak of numbers in one vocabulary: the measures of clauses.measures."""

from __future__ import annotations

from clauses.library import library
from clauses.measures import BY_ID, MEASURE_IDS
from clauses.registry import KINDS
from precedents.model import Parameters, Quantity

OPTIONS = list(library().values())


def test_every_library_option_names_its_measures_by_id_and_field():
    found = {}
    for option in OPTIONS:
        clause = option.instantiate()
        for measure, name in clause.precedent_fields().items():
            found[(option.id, measure)] = measure in MEASURE_IDS and name in type(clause).model_fields
    assert found and [key for key, fine in found.items() if not fine] == []


def test_every_kind_declares_its_measures_by_id():
    declared = {(name, measure) for name, kind in KINDS.items() for measure in kind.precedent_measures}
    assert [pair for pair in declared if pair[1] not in MEASURE_IDS] == []


def test_the_due_days_of_a_kind_are_a_period_measure():
    timed = {name: kind.deadline_measure for name, kind in KINDS.items() if kind.deadline_measure is not None}
    assert {"foreign_forces", "prisoners_and_remains", "dmz_demining"} <= set(timed)
    assert all(BY_ID[measure].unit == "days" for measure in timed.values())
    assert [name for name, kind in KINDS.items() if kind.due_field and kind.deadline_measure is None] == []


def test_a_precedent_number_must_name_a_measure_with_a_unit():
    assert Quantity(measure="zone_length_km", value=70, approximate=True).approximate
    for wrong in ({"measure": "body", "value": 1}, {"measure": "distance_km", "value": 2}):
        try:
            Quantity.model_validate(wrong)
        except ValueError:
            continue
        raise AssertionError(f"{wrong} was accepted")
    assert not {"distance_km", "days", "hours"} & set(Parameters.model_fields)
