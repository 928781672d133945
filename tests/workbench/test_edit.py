"""The edit forms: a node's parameters as a form from its schema, values set as `peacedraft set` sets them, refused
values shown at their field, stale pages and missing form tokens refused, positions recorded."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest

from agreements.edit.draft import set_position, set_values
from clauses.errors import DraftError

NODE = "force.artillery"
FORM = re.compile(r'<form id="([\w.-]+)"')


class FormReader(HTMLParser):
    """Reads the fields of one form as a browser would send them: checked boxes, selected options, text areas."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.inputs: dict[str, dict[str, str | None]] = {}  # id → attributes of every input, select and text area
        self.action = ""
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
            if self.inside:
                self.action = attributes["action"]
            return
        if not self.inside:
            return
        if tag in ("input", "select", "textarea") and attributes.get("id"):
            self.inputs[attributes["id"]] = attributes
        if tag == "input":
            kind = attributes.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            self.fields.append((attributes["name"], attributes.get("value") or ""))
        elif tag == "select":
            self.select, self.options = attributes["name"], []
        elif tag == "option" and self.select:
            self.options.append((attributes.get("value") or "", "selected" in attributes))
        elif tag == "textarea":
            self.textarea, self.text = attributes["name"], ""

    def handle_data(self, data):
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            chosen = [value for value, selected in self.options if selected] or [self.options[0][0]]
            self.fields.append((self.select, chosen[0]))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None


def form_of(page: str, form_id: str) -> FormReader:
    """Return a form of a page as a browser would send it."""
    reader = FormReader(form_id)
    reader.feed(page)
    assert reader.action, f"no form {form_id}"
    return reader


def changed(fields: list[tuple[str, str]], **values: str) -> list[tuple[str, str]]:
    """Return a form's fields with some values changed (by name; dots written as __)."""
    values = {name.replace("__", "."): value for name, value in values.items()}
    return [(name, values.get(name, value)) for name, value in fields]


def post(client, url: str, fields: list[tuple[str, str]], **options):
    """Send a form's fields (names may repeat, as a browser sends ticked boxes) as a browser posts them."""
    headers = {"Content-Type": "application/x-www-form-urlencoded", **options.pop("headers", {})}
    return client.post(url, content=urlencode(fields), headers=headers, **options)


def copy_with(bench, tmp_path: Path, change) -> bytes:
    """Return the bytes of a copy of the served draft (named draft.yaml in another folder) after change(path)."""
    folder = tmp_path / "copy"
    folder.mkdir(exist_ok=True)
    shutil.copy(bench.root / "draft.yaml", folder / "draft.yaml")
    change(str(folder / "draft.yaml"))
    return (folder / "draft.yaml").read_bytes()


def test_the_parameters_are_typed_inputs_from_the_schema(served_once):
    _, client = served_once
    page = client.get(f"/node/draft.yaml?id={NODE}")
    assert page.status_code == 200
    inputs = form_of(page.text, "node-form").inputs
    pullback = inputs["field-pullback_km"]
    assert (pullback["type"], pullback["inputmode"], pullback["name"], pullback["value"]) \
        == ("text", "decimal", "pullback_km", "15")  # a word typed reaches the server (a number box sends '')
    assert (pullback["data-min"], pullback["data-max"], pullback["data-step"]) == ("0", "100", "any")
    assert 'id="field-pullback_km-unit">km<' in page.text
    assert 'id="field-pullback_km-hint">a number more than 0 and at most 100 km; leave empty to remove<' in page.text
    days = inputs["field-deadline-days"]
    assert (days["type"], days["inputmode"], days["name"], days["data-min"], days["data-max"], days["value"]) \
        == ("text", "numeric", "deadline.days", "0", "7305", "365")
    assert 'id="field-deadline-days-hint">a whole number from 0 to 7,305 days<' in page.text
    assert 'id="field-deadline-days-unit">days<' in page.text
    assert inputs["field-personnel_ceiling"]["data-min"] == "0" and inputs["field-personnel_ceiling"]["data-step"] == "1"
    assert inputs["field-notified_flights"]["type"] == "checkbox"
    assert inputs["field-categories-artillery"]["type"] == "checkbox"
    assert "checked" in inputs["field-categories-artillery"] and "checked" not in inputs["field-categories-armour"]
    fields = dict(form_of(page.text, "node-form").fields)
    assert fields["measured_from"] == "line" and fields["exercises"] == "suspended"
    assert fields["deadline.after"] == "entry_into_force" and fields["status"] == "agreed_ad_referendum"
    assert {"text.en", "text.ko", "text.zh", "note", "translation.ko", "expect", "csrf", "id"} <= set(fields)
    assert inputs["field-text-ko"]["lang"] == "ko-KR"
    for party in ("rok", "dprk", "usa", "prc"):
        position = form_of(page.text, f"position-{party}")
        assert position.action == "/node/draft.yaml/position"
        assert dict(position.fields)["party"] == party
        assert {f"position-{party}-{stance}" for stance in ("support", "oppose", "reserve")} <= set(position.inputs)
    assert 'id="node-form-submit"' in page.text and 'id="position-dprk-submit"' in page.text


def test_the_nodes_text_is_shown_in_each_language(served_once):
    _, client = served_once
    page = client.get(f"/node/draft.yaml?id={NODE}").text
    assert 'lang="ko-KR" id="text-ko-KR"' in page and "15킬로미터" in page
    assert "withdraw their artillery and multiple rocket launchers" in page


def test_a_good_value_is_written_as_peacedraft_set_writes_it(served, tmp_path):
    bench, client = served
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    reply = post(client, form.action, changed(form.fields, pullback_km="12", deadline__days="400"),
                        follow_redirects=False)
    assert reply.status_code == 303
    assert reply.headers["location"].startswith(f"/node/draft.yaml?id={NODE}")
    expected = copy_with(bench, tmp_path, lambda path: set_values(path, NODE, ("pullback_km=12", "deadline.days=400")))
    assert (bench.root / "draft.yaml").read_bytes() == expected
    assert b"pullback_km: 12  # R1: 10 km" in expected
    assert 'id="saved-notice"' in client.get(reply.headers["location"]).text


def test_a_form_sent_unchanged_rewrites_nothing(served):
    bench, client = served
    before = (bench.root / "draft.yaml").read_bytes()
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    assert post(client, form.action, form.fields, follow_redirects=False).status_code == 303
    assert (bench.root / "draft.yaml").read_bytes() == before


def test_state_text_and_choices_are_set_like_the_command_line(served, tmp_path):
    bench, client = served
    form = form_of(client.get("/node/draft.yaml?id=force.forward-limits").text, "node-form")
    fields = [(name, value) for name, value in form.fields if name != "categories"] + [
        ("categories", "armour"), ("categories", "artillery")]
    fields = changed(fields, status="bracketed", note="Figures: 400 each.\nTo be checked.", exercises="notified")
    reply = post(client, form.action, fields, follow_redirects=False)
    assert reply.status_code == 303, reply.text
    assignments = ("categories=[armour, artillery]", "exercises=notified", "status=bracketed",
                   'note="Figures: 400 each.\\nTo be checked."')
    expected = copy_with(bench, tmp_path, lambda path: set_values(path, "force.forward-limits", assignments))
    assert (bench.root / "draft.yaml").read_bytes() == expected


def test_a_refused_value_is_shown_at_its_field_and_the_file_is_untouched(served, tmp_path, monkeypatch):
    bench, client = served
    before = (bench.root / "draft.yaml").read_bytes()
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    reply = post(client, form.action, changed(form.fields, pullback_km="-3"), follow_redirects=False)
    assert reply.status_code == 400
    assert (bench.root / "draft.yaml").read_bytes() == before
    monkeypatch.chdir(tmp_path)
    shutil.copy(bench.root / "draft.yaml", tmp_path / "draft.yaml")
    with pytest.raises(DraftError) as refused:
        set_values("draft.yaml", NODE, ("pullback_km=-3",))
    line = refused.value.lines()[0]
    assert line.startswith("draft.yaml:") and "pullback_km: input should be greater than 0" in line
    assert f'<span class="field-error" id="field-pullback_km-error" role="alert">{html.escape(line)}</span>' \
        in reply.text
    inputs = form_of(reply.text, "node-form").inputs
    assert inputs["field-pullback_km"]["aria-invalid"] == "true"
    assert "field-pullback_km-error" in inputs["field-pullback_km"]["aria-describedby"].split()
    assert inputs["field-pullback_km"]["value"] == "-3"  # the user's value, shown again
    assert dict(form_of(reply.text, "node-form").fields)["expect"] == dict(form.fields)["expect"]


def test_a_nested_value_out_of_range_is_shown_at_the_nested_field(served):
    bench, client = served
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    reply = post(client, form.action, changed(form.fields, deadline__days="99999"))
    assert reply.status_code == 400
    inputs = form_of(reply.text, "node-form").inputs
    assert inputs["field-deadline-days"]["aria-invalid"] == "true"
    assert "aria-invalid" not in inputs["field-pullback_km"]
    assert "deadline.days: input should be less than or equal to 7305" in reply.text


def test_a_value_that_breaks_a_rule_is_refused_with_the_rules_message(served):
    bench, client = served
    before = (bench.root / "draft.yaml").read_bytes()
    form = form_of(client.get("/node/draft.yaml?id=force.forward-limits").text, "node-form")
    reply = post(client, form.action, changed(form.fields, notified_flights="true") + [("notified_flights", "true")])
    assert reply.status_code == 400
    assert re.search(r'id="node-form-error">\s*<p class="error">draft\.yaml:\d+:\d+: force\.forward-limits: flights are '
                     r"exempted from no no-fly distance: give &#39;no_fly&#39; \[PD-E034\]</p>", reply.text)
    assert 'id="field-notified_flights" name="notified_flights" value="true" checked' in reply.text
    assert (bench.root / "draft.yaml").read_bytes() == before


def test_a_form_from_an_older_version_of_the_file_is_refused(served):
    bench, client = served
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    changed_meanwhile = (bench.root / "draft.yaml").read_bytes().replace(b"R1: 10 km", b"R1: ten km")
    (bench.root / "draft.yaml").write_bytes(changed_meanwhile)
    reply = post(client, form.action, changed(form.fields, pullback_km="12"), follow_redirects=False)
    assert reply.status_code == 409
    assert "draft.yaml changed since this page was loaded" in reply.text and "check them and save again" in reply.text
    assert 'id="stale-error"' in reply.text
    assert (bench.root / "draft.yaml").read_bytes() == changed_meanwhile
    position = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "position-dprk")
    (bench.root / "draft.yaml").write_bytes(changed_meanwhile + b"\n")
    assert post(client, position.action, changed(position.fields, stance="oppose")).status_code == 409
    assert (bench.root / "draft.yaml").read_bytes() == changed_meanwhile + b"\n"


def test_a_form_without_its_token_is_refused(served):
    bench, client = served
    before = (bench.root / "draft.yaml").read_bytes()
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    fields = [(name, value) for name, value in changed(form.fields, pullback_km="12") if name != "csrf"]
    reply = post(client, form.action, fields, follow_redirects=False)
    assert reply.status_code == 403 and "PD-E114" in reply.text
    assert (bench.root / "draft.yaml").read_bytes() == before


def test_a_position_is_recorded_as_peacedraft_position_records_it(served, tmp_path):
    bench, client = served
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "position-dprk")
    assert dict(form.fields)["stance"] == "support"
    reply = post(client, form.action, changed(form.fields, stance="reserve", note="Needs 20 km."),
                        follow_redirects=False)
    assert reply.status_code == 303
    expected = copy_with(bench, tmp_path, lambda path: set_position(path, NODE, "dprk", "reserve", "Needs 20 km."))
    assert (bench.root / "draft.yaml").read_bytes() == expected
    page = client.get(reply.headers["location"]).text
    assert 'id="position-dprk-reserve" name="stance" value="reserve" checked' in page


def test_htmx_gets_the_updated_fragment(served):
    bench, client = served
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    headers = {"HX-Request": "true", "HX-Target": "main"}
    reply = post(client, form.action, changed(form.fields, pullback_km="11"), headers=headers)
    assert reply.status_code == 200
    assert "<html" not in reply.text and 'id="saved-notice"' in reply.text
    assert form_of(reply.text, "node-form").inputs["field-pullback_km"]["value"] == "11"
    assert b"pullback_km: 11" in (bench.root / "draft.yaml").read_bytes()
    refused = post(client, form.action, changed(form_of(reply.text, "node-form").fields, pullback_km="0"),
                          headers=headers)
    assert refused.status_code == 400 and "<html" not in refused.text and 'aria-invalid="true"' in refused.text


def test_an_unknown_node_is_a_one_line_error(served_once):
    _, client = served_once
    page = client.get("/node/draft.yaml?id=no.such-node")
    assert page.status_code == 404
    assert "draft.yaml: no node with id &#39;no.such-node&#39; [PD-E030]" in page.text
    assert page.text.count('role="alert"') == 1 and "Traceback" not in page.text


def test_every_kind_of_node_in_the_example_has_a_form(served_once):
    _, client = served_once
    ids = re.findall(r'id="edit-([\w.-]+)"', client.get("/draft/draft.yaml").text)
    assert len(ids) > 60
    for node_id in ids:
        page = client.get(f"/node/draft.yaml?id={node_id}")
        assert page.status_code == 200, node_id
        assert 'id="node-form"' in page.text


def test_after_an_edit_the_findings_still_at_the_node_are_shown_where_the_file_names_them(served):
    bench, client = served
    text = (bench.root / "draft.yaml").read_text(encoding="utf-8").replace(
        "pullback_km: 15  # R1: 10 km", "pullback_km: 15  # R1: 10 km\n            from_zone: nowhere", 1)
    (bench.root / "bad.yaml").write_text(text, encoding="utf-8")
    form = form_of(client.get(f"/node/bad.yaml?id={NODE}").text, "node-form")
    reply = post(client, form.action, changed(form.fields, pullback_km="14"),
                 headers={"HX-Request": "true", "HX-Target": "main"})
    assert reply.status_code == 200 and 'id="saved-notice"' in reply.text
    assert re.search(r'id="node-findings">.*?<code>bad\.yaml:\d+:\d+</code>: unknown zone', reply.text, re.S)
    assert str(bench.root) not in reply.text.replace(f"<code>{bench.root}</code>", "")


def test_a_saved_form_shows_its_outcome_at_that_form_and_the_redirect_lands_on_it(served):
    bench, client = served
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    reply = post(client, form.action, changed(form.fields, pullback_km="12"), follow_redirects=False)
    assert reply.headers["location"].endswith("&saved=node-form#saved-notice")
    page = client.get(reply.headers["location"]).text
    inside = page.split('<form id="node-form"')[1].split("</form>")[0]
    assert '<p class="notice outcome" role="status" id="saved-notice" tabindex="-1" data-outcome>Saved.</p>' in inside
    position = form_of(page, "position-prc")
    reply = post(client, position.action, changed(position.fields, stance="reserve"),
                 headers={"HX-Request": "true", "HX-Target": "main"})
    inside = reply.text.split('<form id="position-prc"')[1].split("</form>")[0]
    assert 'id="saved-notice"' in inside and "Record China's position" in inside


def test_a_stale_form_keeps_what_was_typed_and_says_what_the_file_now_holds(served):
    bench, client = served
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    newer = (bench.root / "draft.yaml").read_bytes().replace(b"pullback_km: 15", b"pullback_km: 14", 1)
    (bench.root / "draft.yaml").write_bytes(newer)
    reply = post(client, form.action, changed(form.fields, pullback_km="12", note="Ours."))
    assert reply.status_code == 409 and (bench.root / "draft.yaml").read_bytes() == newer
    inside = reply.text.split('<form id="node-form"')[1].split("</form>")[0]
    assert 'id="stale-error" tabindex="-1" data-outcome>' in inside and "What you typed is kept" in inside
    fields = form_of(reply.text, "node-form")
    assert fields.inputs["field-pullback_km"]["value"] == "12" and dict(fields.fields)["note"] == "Ours."
    assert 'id="field-pullback_km-now">You typed 12; the file now holds 14 (it held 15 when you opened the page)<' \
        in reply.text
    assert "field-pullback_km-now" in fields.inputs["field-pullback_km"]["aria-describedby"]
    assert 'id="field-deadline-days-now"' not in reply.text
    again = post(client, form.action, fields.fields, follow_redirects=False)  # made from the newer file
    assert again.status_code == 303 and b"pullback_km: 12" in (bench.root / "draft.yaml").read_bytes()


def test_a_word_in_a_number_box_is_refused_at_the_field(served):
    bench, client = served
    before = (bench.root / "draft.yaml").read_bytes()
    form = form_of(client.get(f"/node/draft.yaml?id={NODE}").text, "node-form")
    reply = post(client, form.action, changed(form.fields, pullback_km="ten"))
    assert reply.status_code == 400 and (bench.root / "draft.yaml").read_bytes() == before
    assert re.search(r'id="field-pullback_km-error" role="alert">draft\.yaml:\d+:\d+: force\.artillery: pullback_km: '
                     r"input should be a valid number.*got &#39;ten&#39;", reply.text)
    reply = post(client, form.action, changed(form.fields, deadline__after="next tuesday"))
    assert "deadline.after: write the id of a step of the schedule or &#39;entry_into_force&#39;" in reply.text


def test_the_node_page_speaks_of_the_place_and_plain_choices(served_once):
    _, client = served_once
    page = client.get(f"/node/draft.yaml?id={NODE}").text
    assert re.search(r'<h2 id="node-title">Article 8, paragraph 2 <code class="node-id">force\.artillery</code></h2>',
                     page)
    assert 'href="#node-form-heading" id="skip-to-parameters"' in page
    assert "one of " not in page and "true | false" not in page and "list of party id" not in page
    assert '<option value="zone_edge">zone edge</option>' in page
    assert "Own wording (instead of the standard wording)" in page
    assert "<meta name=\"htmx-config\" content='{\"historyCacheSize\":0,\"refreshOnHistoryMiss\":true}'>" in page


def test_the_document_offers_a_jump_to_each_article(served_once):
    _, client = served_once
    page = client.get("/draft/draft.yaml").text
    assert page.index('id="jump-to-article"') < page.index('id="summary"')
    assert '<a href="#part.general" id="jump-part.general">Part I — General Provisions</a>' in page
    assert '<a href="#art.definitions" id="jump-art.definitions">Article 1 — Definitions</a>' in page
