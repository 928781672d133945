"""The drafts page: every draft of the folder with its round, git state and counts, as workbench.folder has them."""

from __future__ import annotations

import re

from tests.workbench.conftest import client_for
from workbench.folder import overview
from workbench.state import Bench

DRAFTS = {"draft.yaml": "2", "round-1.yaml": "1", "round-2.yaml": "2"}


def row(html: str, path: str) -> str:
    """Return the table row of one draft."""
    match = re.search(rf'<tr id="draft-{re.escape(path)}".*?</tr>', html, re.S)
    assert match, f"no row for {path}"
    return match.group(0)


def cell(row_html: str, name: str) -> str:
    """Return the text of a row's cell of one class."""
    match = re.search(rf'<td class="[^"]*\b{name}\b[^"]*"[^>]*>(.*?)</td>', row_html, re.S)
    assert match, f"no {name} cell"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def badge(row_html: str) -> str:
    """Return a row's git state."""
    return re.search(r'<span class="badge git [^"]*">([^<]*)</span>', row_html).group(1)


def test_the_page_lists_every_draft_with_its_round(served_once):
    bench, client = served_once
    reply = client.get("/")
    assert reply.status_code == 200
    assert re.findall(r'<tr id="draft-([^"]+)"', reply.text) == list(DRAFTS)
    for path, round_number in DRAFTS.items():
        assert cell(row(reply.text, path), "round") == round_number


def test_each_row_links_to_the_draft_s_pages(served_once):
    bench, client = served_once
    html = row(client.get("/").text, "round-1.yaml")
    for area in ("draft", "compose", "versions", "downloads"):
        assert f'href="/{area}/round-1.yaml"' in html


def test_git_states_follow_the_files(served):
    bench, client = served
    before = client.get("/").text
    assert [badge(row(before, path)) for path in DRAFTS] == ["committed", "new", "new"]
    (bench.root / "draft.yaml").write_bytes((bench.root / "draft.yaml").read_bytes() + b"# reviewed\n")
    assert badge(row(client.get("/").text, "draft.yaml")) == "modified"


def test_counts_are_those_of_the_folder_overview(served_once):
    bench, client = served_once
    html = client.get("/").text
    summaries = overview(bench.root)
    assert [summary.path for summary in summaries] == list(DRAFTS)
    for summary in summaries:
        shown = row(html, summary.path)
        assert (cell(shown, "brackets"), cell(shown, "errors"), cell(shown, "warnings")) == (
            str(summary.brackets), str(summary.errors), str(summary.warnings))
        assert cell(shown, "version") == summary.version and cell(shown, "date") == summary.date
    assert cell(row(html, "round-1.yaml"), "brackets") == "10"


def test_a_broken_file_shows_its_located_error(served):
    bench, client = served
    (bench.root / "broken.yaml").write_text("meta: [\n")
    shown = row(client.get("/").text, "broken.yaml")
    assert cell(shown, "problem") == ("broken.yaml:2:1: meta: YAML syntax: did not find expected node content "
                                      "[PD-E013]")


def test_a_workbench_started_on_one_draft_lists_the_folder(served):
    bench, _ = served
    started = Bench(bench.root, allowed_hosts=bench.allowed_hosts, start="round-1.yaml")
    html = client_for(started).get("/").text
    assert re.findall(r'<tr id="draft-([^"]+)"', html) == list(DRAFTS)
    assert '<tr id="draft-round-1.yaml" data-path="round-1.yaml" class="start" role="row">' in html
