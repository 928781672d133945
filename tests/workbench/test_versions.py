"""The versions page: two revisions (or the working file) or two files, their diff, and revisions that are refused."""

from __future__ import annotations

import html
import re

from agreements.diff.compare import compare_agreements
from agreements.diff.report import grouped
from agreements.drafts import decode, parse_agreement
from clauses.languages import LANGUAGES, language
from tests.workbench.conftest import example, git

SUMMARY = re.compile(r'<p class="pd-summary">(.*?)</p>', re.S)
SELECTED = re.compile(r'<select id="([a-z-]+)" name="\w+">(.*?)</select>', re.S)


def agreement(name: str):
    """Return a shipped example round as a draft."""
    return parse_agreement(decode(example(name), name), name)


def changes_of(old: str, new: str) -> list[str]:
    """Return the summary line of every change compare_agreements finds between two rounds, article by article."""
    comparison = compare_agreements(agreement(old), agreement(new))
    return [change.summary for _, changes in grouped(comparison) for change in changes]


def summaries(page: str) -> list[str]:
    """Return the summary line of every change a diff page shows, in order."""
    return [html.unescape(summary) for summary in SUMMARY.findall(page)]


def selected(page: str) -> dict[str, str]:
    """Return the value each select of a page has selected."""
    return {key: (re.findall(r'<option value="([^"]*)"[^>]* selected>', options) or [""])[0]
            for key, options in SELECTED.findall(page)}


def test_by_default_the_previous_revision_against_the_working_file(served_once):
    bench, client = served_once
    page = client.get("/versions/draft.yaml")
    assert page.status_code == 200
    expected = changes_of("round-1", "round-2")
    assert summaries(page.text) == expected
    assert len(expected) > 10
    assert 'id="pd-view-inline"' in page.text and 'id="pd-view-sides"' in page.text
    assert selected(page.text) == {"old-revision": "round-1.yaml", "new-revision": "draft.yaml",
                                   "revision-lang": LANGUAGES[0], "old-file": "round-1.yaml", "new-file": "draft.yaml",
                                   "file-lang": LANGUAGES[0]}


def heading(page: str) -> str:
    """Return the words of the versions page's heading over the diff."""
    found = re.search(r'<h2 id="versions-diff-heading"[^>]*>(.*?)</h2>', page, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


def test_the_page_opens_on_the_previous_round_and_names_both_versions_in_words(served_once):
    _, client = served_once
    page = client.get("/versions/draft.yaml").text
    assert heading(page) == "Changes from Round 1 (round-1.yaml) to Round 2 as saved in git (this file now)"
    assert ">Round 2 as saved in git on 1 Jan 2026 (" in page
    assert "the working file" not in page


def test_with_unsaved_changes_it_opens_on_the_last_commit_named_in_words(served):
    bench, client = served
    path = bench.root / "draft.yaml"
    path.write_bytes(path.read_bytes().replace(b"version: R2", b"version: R2b", 1))
    page = client.get("/versions/draft.yaml").text
    short = git(bench.root, "rev-parse", "--short=7", "HEAD").strip()
    assert heading(page) == (f"Changes from Round 2 as saved in git on 1 Jan 2026 ({short}) to Round 2 with unsaved "
                             "changes (this file now)")
    assert selected(page)["old-revision"] == git(bench.root, "rev-parse", "HEAD").strip()


def test_a_later_round_in_git_only_compares_with_the_newest_commit_of_a_lower_round(served):
    bench, client = served
    for name in ("round-1.yaml", "round-2.yaml"):
        (bench.root / name).unlink()
    path = bench.root / "draft.yaml"
    path.write_bytes(path.read_bytes().replace(b"version: R2", b"version: R2b", 1))
    git(bench.root, "commit", "-q", "-am", "Round 2, second version")
    page = client.get("/versions/draft.yaml").text
    assert selected(page)["old-revision"] == git(bench.root, "rev-parse", "HEAD~2").strip()
    assert heading(page).startswith("Changes from Round 1 as saved in git on 1 Jan 2026 (")


def test_a_revision_by_name_and_the_same_by_hash_give_the_same_diff(served_once):
    bench, client = served_once
    by_name = client.get("/versions/draft.yaml?old=HEAD~1&new=draft.yaml")
    by_hash = client.get(f"/versions/draft.yaml?old={git(bench.root, 'rev-parse', 'HEAD~1').strip()}")
    assert by_name.status_code == by_hash.status_code == 200
    assert summaries(by_name.text) == summaries(by_hash.text) != []


def test_the_last_commit_against_the_unchanged_working_file_has_no_changes(served_once):
    _, client = served_once
    page = client.get("/versions/draft.yaml?old=HEAD&new=draft.yaml")
    assert page.status_code == 200
    assert "No changes." in page.text
    assert summaries(page.text) == []


def test_two_files_of_the_folder(served_once):
    _, client = served_once
    page = client.get("/versions/draft.yaml?old=round-2.yaml&new=round-1.yaml")
    assert page.status_code == 200
    assert summaries(page.text) == changes_of("round-2", "round-1")
    assert selected(page.text)["old-file"] == "round-2.yaml"
    assert selected(page.text)["new-file"] == "round-1.yaml"


def test_the_language_chosen_is_the_one_shown(served_once):
    _, client = served_once
    other = LANGUAGES[1]
    page = client.get(f"/versions/draft.yaml?old=HEAD~1&lang={other}")
    assert page.status_code == 200
    assert selected(page.text)["revision-lang"] == other
    assert f'<span lang="{language(other).tag}">{language(other).name}</span>' in page.text


def test_a_revision_that_reads_as_an_option_is_refused_and_nothing_is_written(served, tmp_path):
    bench, client = served
    target = tmp_path / "x"
    page = client.get("/versions/draft.yaml", params={"old": f"--output={target}"})
    assert page.status_code == 400
    assert (f"<p class=\"error\" role=\"alert\">&#39;--output={target}&#39;: not a revision of the draft nor a file "
            "of the folder (draft.yaml) [PD-E125]</p>") in page.text
    assert not target.exists()
    assert git(bench.root, "status", "--porcelain") == "?? round-1.yaml\n?? round-2.yaml\n"


def test_a_revision_that_climbs_out_of_the_folder_is_refused(served_once):
    _, client = served_once
    page = client.get("/versions/draft.yaml", params={"new": "../x"})
    assert page.status_code == 403
    assert ("&#39;../x&#39;: a path that climbs out of the folder; only files inside the served folder can be "
            "opened [PD-E111]") in page.text


def test_a_revision_with_a_path_of_its_own_is_refused(served_once):
    _, client = served_once
    page = client.get("/versions/draft.yaml", params={"old": "HEAD:../draft.yaml"})
    assert page.status_code == 400
    assert ("&#39;HEAD:../draft.yaml&#39;: not a revision of the draft nor a file of the folder (draft.yaml) "
            "[PD-E125]") in page.text


def test_an_unknown_language_is_refused(served_once):
    _, client = served_once
    page = client.get("/versions/draft.yaml?lang=xx")
    assert page.status_code == 400
    assert f"&#39;xx&#39;: no such language (languages: {', '.join(LANGUAGES)}) [PD-E125]" in page.text


def test_a_draft_outside_git_offers_only_files(tmp_path):
    from tests.workbench.conftest import HOST, PORT, client_for
    from workbench.app import allowed_hosts
    from workbench.state import Bench

    folder = tmp_path / "plain"
    folder.mkdir()
    for name in ("round-1", "round-2"):
        (folder / f"{name}.yaml").write_bytes(example(name))
    client = client_for(Bench(folder, allowed_hosts=allowed_hosts(HOST, PORT)))
    page = client.get("/versions/round-2.yaml")
    assert page.status_code == 200
    assert 'id="old-revision"' not in page.text and 'id="save-version"' not in page.text
    assert selected(page.text)["old-file"] == "round-1.yaml"
    assert heading(page.text) == "Changes from Round 1 (round-1.yaml) to Round 2 (this file now)"
    assert summaries(page.text) == summaries(client.get("/versions/round-2.yaml?old=round-1.yaml").text) != []
    first = client.get("/versions/round-1.yaml")
    assert 'id="versions-no-history"' in first.text


def test_the_diff_styles_are_served(served_once):
    _, client = served_once
    sheet = client.get("/diff.css")
    assert sheet.status_code == 200
    assert sheet.headers["content-type"] == "text/css; charset=utf-8"
    assert ".pd-change" in sheet.text
