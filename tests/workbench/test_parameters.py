"""The fields both edit pages generate from a kind's schema: typed inputs, each form's own ids and names, and a
posted form turned into the `KEY=VALUE` assignments of what it changed."""

from __future__ import annotations

import re
from collections import Counter
from typing import Annotated, Literal

from pydantic import Field
from starlette.datastructures import FormData

from clauses.base import Deadline, Model
from clauses.formatting import show
from clauses.library import library
from clauses.topics import TOPICS
from tests.workbench.test_edit import form_of, post
from workbench.pages.compose_library import draft_places, library_view, option_fields, option_view
from workbench.parameters import FormGroup, FormPrefixes, kind_form, leaves
from workbench.posted import changes

COMPOSE = FormPrefixes("add-sample-set-", "set.")


class Sample(Model):
    """A kind's parameters of every type a number may have, a yes/no, and a deadline set and one not set."""

    count: Annotated[int, Field(gt=0, le=10)] = 1
    pullback_km: Annotated[float, Field(gt=0, le=100)] | None = None
    area_km2: float | None = None
    half_days: Annotated[float, Field(ge=0, multiple_of=0.5)] = 0
    flag: bool = False
    letters: list[Literal["a", "b", "c"]] = ["c", "a"]
    deadline: Deadline = Deadline(days=90)
    when: Deadline | None = None


def fields_of(prefixes: FormPrefixes = COMPOSE) -> dict:
    """Return Sample's fields and fieldsets by key."""
    items = kind_form(Sample(), None, prefixes)
    groups = [item for item in items if isinstance(item, FormGroup)]
    return {item.key: item for item in [*leaves(items), *groups]}


def test_a_number_steps_as_its_pydantic_type_and_keeps_its_bounds():
    fields = fields_of()
    count, pullback, half = fields["count"], fields["pullback_km"], fields["half_days"]
    assert (count.widget, count.step, count.minimum, count.maximum) == ("number", "1", "1", "10")  # > 0, whole
    assert (pullback.step, pullback.minimum, pullback.maximum) == ("any", "0", "100")  # decimals allowed
    assert half.step == "0.5" and fields["deadline.days"].step == "1"


def test_a_number_has_the_unit_the_reports_write_beside_it():
    fields = fields_of()
    assert [fields[key].unit for key in ("pullback_km", "area_km2", "half_days", "deadline.days", "count")] == [
        "km", "km²", "days", "days", ""]
    numbers = [field for view in library_view().values() for option in view for field in leaves(list(option.fields))
               if field.widget == "number"]
    assert {field.unit for field in numbers} >= {"km", "days", "hours", "months", "years", "USD"}
    for field in numbers:
        assert show(field.key.rsplit(".", 1)[-1], 5) == f"5 {field.unit}".strip(), field.key


def test_each_form_names_its_inputs_and_fieldsets_with_its_own_prefixes():
    compose, node = fields_of(), fields_of(FormPrefixes())
    assert (compose["deadline.days"].id, compose["deadline.days"].name) == ("add-sample-set-deadline-days",
                                                                           "set.deadline.days")
    assert (node["deadline.days"].id, node["deadline.days"].name) == ("field-deadline-days", "deadline.days")
    assert (compose["deadline"].id, node["deadline"].id) == ("add-sample-set-deadline", "field-deadline")


def test_only_the_changed_fields_are_assigned_and_a_model_that_had_none_as_one_value():
    items = kind_form(Sample(), None, COMPOSE)
    untouched = [("set.count", "1"), ("set.pullback_km", ""), ("set.flag", "false"), ("set.deadline.after",
                 "entry_into_force"), ("set.deadline.days", "90"), ("set.when.after", ""), ("set.when.days", "")]
    assert changes(FormData(untouched), items)[0] == []
    edited = dict(untouched) | {"set.deadline.days": "120", "set.when.days": "30", "set.pullback_km": "2.5"}
    assert changes(FormData([*edited.items(), ("set.flag", "true")]), items)[0] == [
        "pullback_km=2.5", "flag=true", "deadline.days=120", 'when={"days": 30}']
    assert changes(FormData([("set.when.after", "entry_into_force")]), items)[0] == [
        'when={"after": "entry_into_force"}']


def test_boxes_ticked_in_another_order_are_no_change_and_a_new_box_goes_last():
    items = kind_form(Sample(), None, COMPOSE)
    boxes = [("__list__.set.letters", "1"), ("set.letters", "a"), ("set.letters", "c")]
    assert changes(FormData(boxes), items)[0] == []
    assert changes(FormData([*boxes, ("set.letters", "b")]), items)[0] == ["letters=[c, a, b]"]
    assert changes(FormData(boxes[:2]), items)[0] == ["letters=[a]"]
    assert changes(FormData(boxes[:1]), items)[0] == ["letters=[]"]


def test_a_nested_field_of_a_model_that_had_none_is_not_required():
    fields = fields_of()
    assert not fields["when.after"].required and fields["when"].whole and not fields["deadline"].whole


def test_every_library_option_posted_untouched_changes_nothing(served_once):
    bench, client = served_once
    registry = draft_places(str(bench.root / "draft.yaml")).registry
    for topic in TOPICS:
        page = client.get(f"/compose/draft.yaml?topic={topic}").text
        for option in library_view()[topic]:
            posted = FormData(form_of(page, f"add-{option.slug}").fields)
            assert changes(posted, list(option_fields(option.id, registry)))[0] == [], option.id


def test_every_node_of_the_example_posted_untouched_changes_nothing(served):
    bench, client = served
    before = (bench.root / "draft.yaml").read_bytes()
    ids = re.findall(r'id="edit-([\w.-]+)"', client.get("/draft/draft.yaml").text)
    for node_id in ids:
        form = form_of(client.get(f"/node/draft.yaml?id={node_id}").text, "node-form")
        assert post(client, form.action, form.fields, follow_redirects=False).status_code == 303, node_id
        assert (bench.root / "draft.yaml").read_bytes() == before, node_id
    assert len(ids) > 60


def test_a_yes_no_parameter_is_a_box_in_the_add_form(served_once):
    _, client = served_once
    page = client.get("/compose/draft.yaml?topic=force_reduction_and_redeployment").text
    form = form_of(page, "add-forces-artillery")
    assert form.inputs["add-forces-artillery-set-notified_flights"]["type"] == "checkbox"
    ticked = FormData([*form.fields, ("set.notified_flights", "true")])
    assert changes(ticked, list(option_view("forces/artillery").fields))[0] == ["notified_flights=true"]


def test_no_two_elements_share_an_id_on_a_page_of_several_forms(served_once):
    _, client = served_once
    for url in ["/node/draft.yaml?id=force.artillery", *(f"/compose/draft.yaml?topic={topic}" for topic in TOPICS)]:
        ids = Counter(re.findall(r'\sid="([^"]+)"', client.get(url).text))
        assert [name for name, count in ids.items() if count > 1] == [], url
    assert len(library()) > len(TOPICS)  # a topic page holds several add forms
