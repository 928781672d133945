"""Compose: the clause library beside a draft, and adding an option through the same editing layer as `add`."""

from __future__ import annotations

import re
import shutil

from agreements.drafts import file_digest
from agreements.edit.add import add_alternative
from clauses.languages import LANGUAGES, language
from clauses.library import library
from clauses.library_view import option_report
from clauses.topics import TOPICS
from markupsafe import escape

ARTILLERY = "forces/artillery"
OPTION_FIELDS = ("option", "mode", "under", "alternative_to", "proposed_by", "as", "parties")


def add_form(bench, option: str = ARTILLERY, **values) -> dict:
    """Return a posted add form: the option, its form token and the draft's digest, and the values given."""
    return {"csrf": bench.csrf, "digest": file_digest(bench.root / "draft.yaml"), "option": option, **values}


def alternative(bench, pullback: str) -> dict:
    """Return the form adding the artillery option as DPRK's alternative to force.artillery with a distance."""
    return add_form(bench, mode="alternative", alternative_to="force.artillery", proposed_by="dprk",
                    fields=["pullback_km"], **{"set.pullback_km": pullback})


def test_the_contents_list_every_topic_and_option(served_once):
    bench, client = served_once
    reply = client.get("/compose/draft.yaml")
    assert reply.status_code == 200
    assert re.findall(r'<a id="topic-([a-z_]+)"', reply.text) == list(TOPICS)
    listed = re.findall(r'#option-[^"]+"><code>([^<]+)</code>', reply.text)
    assert listed == list(library())


def test_each_topic_page_has_every_option_with_its_add_form(served_once):
    bench, client = served_once
    for topic in TOPICS:
        reply = client.get(f"/compose/draft.yaml?topic={topic}")
        assert reply.status_code == 200
        expected = [key.replace("/", "-") for key, option in library().items() if option.kind == topic]
        assert re.findall(r'<form class="add" id="add-([^"]+)"', reply.text) == expected


def test_an_option_shows_its_text_in_each_language_with_its_tag(served_once):
    bench, client = served_once
    html = client.get("/compose/draft.yaml?topic=force_reduction_and_redeployment").text
    start = html.index('id="option-forces-artillery"')
    section = html[start:html.index("</section>", start)]
    for code in LANGUAGES:
        first_line = option_report(ARTILLERY, code)["text"].split("\n")[0]
        assert f'<div class="text" lang="{language(code).tag}">' in section
        assert f"<p>{escape(first_line)}</p>" in section
    assert "cma-2018</strong> Art. 1(2)" in section
    assert '<td>number (&gt; 0, ≤ 100) (optional)</td><td>15 km</td>' in section
    assert ('class="number" name="set.pullback_km" id="add-forces-artillery-set-pullback_km" value="15" '
            'data-min="0" data-max="100" data-step="any">') in section


def test_an_unknown_topic_is_404(served_once):
    bench, client = served_once
    reply = client.get("/compose/draft.yaml?topic=no_such_topic")
    assert reply.status_code == 404
    assert "There is no topic “no_such_topic” in the library" in reply.text


def test_an_alternative_proposed_by_a_party_writes_what_add_alternative_writes(served, tmp_path):
    bench, client = served
    copy = tmp_path / "copy.yaml"
    shutil.copy(bench.root / "draft.yaml", copy)
    reply = client.post("/compose/draft.yaml/add", data=alternative(bench, "20"), follow_redirects=False)
    assert reply.status_code == 303
    assert reply.headers["location"] == "/draft/draft.yaml#force.artillery"
    add_alternative(str(copy), ARTILLERY, "force.artillery", "dprk", ("pullback_km=20",))
    assert (bench.root / "draft.yaml").read_bytes() == copy.read_bytes()


def test_a_new_article_redirects_to_the_new_node(served):
    bench, client = served
    reply = client.post("/compose/draft.yaml/add", data=add_form(bench, "forces/guard-posts", mode="article"),
                        follow_redirects=False)
    assert reply.status_code == 303
    assert reply.headers["location"] == "/draft/draft.yaml#forces.guard-posts"
    assert "id: art.forces.guard-posts" in (bench.root / "draft.yaml").read_text()


def test_a_refused_parameter_is_shown_at_its_field_and_the_file_is_untouched(served):
    bench, client = served
    before = (bench.root / "draft.yaml").read_bytes()
    reply = client.post("/compose/draft.yaml/add", data=alternative(bench, "150"))
    assert reply.status_code == 400
    assert (bench.root / "draft.yaml").read_bytes() == before
    message = ("draft.yaml:1:1: force.artillery.alt-artillery: --set: pullback_km: input should be less than or "
               "equal to 100, got 150 (expected number (&gt; 0, ≤ 100) (optional)) [PD-E033]")
    assert re.search(r'id="add-forces-artillery-set-pullback_km" value="150" data-min="0" data-max="100" '
                     r'data-step="any" aria-invalid="true" aria-describedby="add-forces-artillery-error">.*?'
                     r'<span class="field-error" id="add-forces-artillery-error" role="alert">([^<]*)</span>',
                     reply.text, re.S).group(1) == message
    assert '<option value="dprk" selected>' in reply.text


def test_a_missing_party_is_refused_at_the_party_select(served):
    bench, client = served
    before = (bench.root / "draft.yaml").read_bytes()
    form = add_form(bench, mode="alternative", alternative_to="force.artillery")
    reply = client.post("/compose/draft.yaml/add", data=form, headers={"HX-Request": "true"})
    assert reply.status_code == 400
    assert (bench.root / "draft.yaml").read_bytes() == before
    assert reply.text.startswith('<div class="add-box" id="add-forces-artillery-box">')
    assert ('<select name="proposed_by" id="add-forces-artillery-proposed-by" aria-invalid="true" '
            'aria-describedby="add-forces-artillery-error">') in reply.text
    assert ("draft.yaml:1:1: -: choose the party that proposes the alternative [PD-E031]") in reply.text


def test_a_stale_page_is_refused_with_409(served):
    bench, client = served
    form = alternative(bench, "20")
    (bench.root / "draft.yaml").write_bytes((bench.root / "draft.yaml").read_bytes() + b"# saved elsewhere\n")
    before = (bench.root / "draft.yaml").read_bytes()
    reply = client.post("/compose/draft.yaml/add", data=form)
    assert reply.status_code == 409
    assert ("draft.yaml: changed since the page was loaded (someone saved a newer version); reload it and make "
            "the change again [PD-E110]") in reply.text
    assert (bench.root / "draft.yaml").read_bytes() == before
    # what was chosen and typed is kept at the form, which now carries the newer file's digest
    assert 'id="add-forces-artillery-error" role="alert" tabindex="-1" data-outcome>' in reply.text
    assert 'id="add-forces-artillery-set-pullback_km" value="20"' in reply.text
    assert f'id="add-forces-artillery-digest" value="{file_digest(bench.root / "draft.yaml")}"' in reply.text


def test_a_form_without_its_token_is_refused_with_403(served):
    bench, client = served
    before = (bench.root / "draft.yaml").read_bytes()
    form = {key: value for key, value in alternative(bench, "20").items() if key != "csrf"}
    reply = client.post("/compose/draft.yaml/add", data=form)
    assert reply.status_code == 403
    assert "[PD-E114]" in reply.text
    assert (bench.root / "draft.yaml").read_bytes() == before


def test_an_htmx_add_says_what_was_added_and_registered(served):
    bench, client = served
    form = add_form(bench, "roles/six-party-observers", mode="article", parties="jpn=observer rus=observer")
    reply = client.post("/compose/draft.yaml/add", data=form, headers={"HX-Request": "true"})
    assert reply.status_code == 200
    registered = re.findall(r"<li>([^<]*)</li>", reply.text.split('<ul class="registered">')[1].split("</ul>")[0])
    assert registered == ["registered party jpn as observer", "registered party rus as observer"]
    assert re.search(r"<p>Added “[^”]+” as Article \d+, paragraph 1\. <a", reply.text), reply.text
    digest = file_digest(bench.root / "draft.yaml")
    assert f'name="digest" id="add-roles-six-party-observers-digest" value="{digest}"' in reply.text
    assert f'id="add-roles-guarantors-digest" value="{digest}" hx-swap-oob="true"' in reply.text
    assert 'href="/draft/draft.yaml#roles.six-party-observers"' in reply.text


def test_compose_names_topics_places_and_references_in_words(served_once):
    bench, client = served_once
    page = client.get("/compose/draft.yaml?topic=force_reduction_and_redeployment").text
    assert ">The status of the United Nations Command</a>" in page and "un command status" not in page
    assert '<option value="part.general">Part I — General Provisions (part.general)</option>' in page
    assert '<option value="art.definitions">Article 1 — Definitions (art.definitions)</option>' in page
    assert '<option value="force.artillery">Article 8, paragraph 2 (force.artillery)</option>' in page
    assert re.search(r'<select name="set.from_zone" id="add-forces-artillery-set-from_zone"', page)
    assert "(days)" not in page.split('id="add-forces-artillery"')[1].split("</form>")[0]
    assert "adds Japan and Russia as observers" in page


def test_a_whole_number_added_as_an_alternative_is_written_as_typed(served):
    bench, client = served
    reply = client.post("/compose/draft.yaml/add", data=alternative(bench, "10"), follow_redirects=False)
    assert reply.status_code == 303
    text = (bench.root / "draft.yaml").read_text()
    assert "pullback_km: 10}" in text and "pullback_km: 10.0" not in text
