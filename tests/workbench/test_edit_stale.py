"""A form sent from a page made from an older version of the file: only the fields the user changed (its posted
value differs from the one the page showed) are kept against the newer file; a field both changed shows all three
values; saving the form shown again writes the user's changes on top of the colleague's."""

from __future__ import annotations

from agreements.edit.draft import set_position, set_values
from tests.workbench.browser_steps import node_on_disk
from tests.workbench.test_edit import NODE, changed, form_of, post


def test_a_colleagues_change_to_another_field_is_kept_and_saving_again_writes_both(served):
    bench, client = served
    draft = bench.root / "draft.yaml"
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    set_values(str(draft), NODE, ("deadline.days=400",))  # a colleague, meanwhile
    newer = draft.read_bytes()
    reply = post(client, form.action, changed(form.fields, pullback_km="12"))
    assert reply.status_code == 409 and draft.read_bytes() == newer
    shown = form_of(reply.text, "node-form")
    assert shown.inputs["field-deadline-days"]["value"] == "400", "the colleague's change is shown as the user's"
    assert shown.inputs["field-pullback_km"]["value"] == "12"
    assert 'class="field-now"' not in reply.text and "You changed nothing" not in reply.text
    assert 'id="field-pullback_km-now"' not in reply.text and 'id="field-deadline-days-now"' not in reply.text
    again = post(client, form.action, shown.fields, follow_redirects=False)
    assert again.status_code == 303
    on_disk = node_on_disk(draft, NODE)
    assert on_disk["pullback_km"] == 12 and on_disk["deadline"]["days"] == 400


def test_a_field_both_changed_shows_what_was_typed_what_the_file_holds_and_what_it_held(served):
    bench, client = served
    draft = bench.root / "draft.yaml"
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    set_values(str(draft), NODE, ("pullback_km=14", "deadline.days=400"))
    reply = post(client, form.action, changed(form.fields, pullback_km="12", note="Ours."))
    assert reply.status_code == 409
    assert ('id="field-pullback_km-now">You typed 12; the file now holds 14 (it held 15 when you opened the '
            'page)<') in reply.text
    shown = form_of(reply.text, "node-form")
    assert shown.inputs["field-pullback_km"]["value"] == "12" and dict(shown.fields)["note"] == "Ours."
    assert shown.inputs["field-deadline-days"]["value"] == "400"
    assert 'id="field-note-now"' not in reply.text and 'id="field-deadline-days-now"' not in reply.text
    assert "field-pullback_km-now" in shown.inputs["field-pullback_km"]["aria-describedby"]
    assert post(client, form.action, shown.fields, follow_redirects=False).status_code == 303
    on_disk = node_on_disk(draft, NODE)
    assert (on_disk["pullback_km"], on_disk["deadline"]["days"], on_disk["note"]) == (12, 400, "Ours.")


def test_an_untouched_form_sent_stale_changes_nothing_and_says_so(served):
    bench, client = served
    draft = bench.root / "draft.yaml"
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    set_values(str(draft), NODE, ("pullback_km=14",))
    newer = draft.read_bytes()
    reply = post(client, form.action, form.fields)
    assert draft.read_bytes() == newer
    assert "You changed nothing in this form" in reply.text
    shown = form_of(reply.text, "node-form")
    assert shown.inputs["field-pullback_km"]["value"] == "14" and 'id="field-pullback_km-now"' not in reply.text
    assert post(client, form.action, shown.fields, follow_redirects=False).status_code == 303
    assert draft.read_bytes() == newer


def test_a_position_form_keeps_only_what_the_user_changed(served):
    bench, client = served
    draft = bench.root / "draft.yaml"
    page = client.get(f"/node/draft.yaml?id={NODE}").text
    form = form_of(page, "position-dprk")
    set_position(str(draft), NODE, "dprk", "support", "Changed by a colleague.")
    reply = post(client, form.action, changed(form.fields, stance="reserve"))
    assert reply.status_code == 409
    shown = form_of(reply.text, "position-dprk")
    assert dict(shown.fields)["stance"] == "reserve" and dict(shown.fields)["note"] == "Changed by a colleague."
    assert 'id="position-dprk-now"' not in reply.text
    assert post(client, form.action, shown.fields, follow_redirects=False).status_code == 303
    assert node_on_disk(draft, NODE)["positions"]["dprk"] == {"stance": "reserve", "note": "Changed by a colleague."}


def test_a_position_both_changed_shows_the_three_values(served):
    bench, client = served
    draft = bench.root / "draft.yaml"
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "position-usa")
    set_position(str(draft), NODE, "usa", "oppose", None)
    reply = post(client, form.action, changed(form.fields, stance="reserve"))
    assert reply.status_code == 409
    assert ('id="position-usa-now">Stance: you chose reserve; the file now holds oppose (it held support when you '
            'opened the page)<') in reply.text
    assert dict(form_of(reply.text, "position-usa").fields)["stance"] == "reserve"
