"""Saving a version in git from the versions page: one file committed, a stale page refused, git's refusal one line."""

from __future__ import annotations

import html
import re

from tests.workbench.conftest import git

SAVE_FORM = re.compile(r'<form id="save-version" method="post" action="/save/([^"]+)">(.*?)</form>', re.S)


def form_values(page: str) -> dict[str, str]:
    """Return the save form's fields by name, with their values."""
    found = SAVE_FORM.search(page)
    assert found, "no save form"
    return {name: html.unescape(value) for name, value in
            re.findall(r'<input type="(?:hidden|text)"[^>]* name="(\w+)"[^>]* value="([^"]*)"', found.group(2))}


def configure(folder) -> None:
    """Give the served repository an identity of its own, as a drafter's git has."""
    git(folder, "config", "user.name", "Drafter")
    git(folder, "config", "user.email", "drafter@example.org")


def changed(bench) -> None:
    """Change the draft file, as a save in the workbench does."""
    path = bench.root / "draft.yaml"
    path.write_bytes(path.read_bytes().replace(b"version: R2", b"version: R2b", 1))


def test_an_unchanged_committed_draft_offers_no_save(served):
    _, client = served
    page = client.get("/versions/draft.yaml").text
    assert 'id="save-version"' not in page


def test_a_changed_draft_is_saved_alone_with_its_message(served):
    bench, client = served
    configure(bench.root)
    changed(bench)
    (bench.root / "other.txt").write_text("not mine")
    git(bench.root, "add", "other.txt")
    page = client.get("/versions/draft.yaml").text
    values = form_values(page)
    assert values["message"] == "Round 2, version R2b"
    assert set(values) == {"csrf", "expect", "message"}
    listed = client.get("/").text
    assert re.search(r'<a id="save-link-draft.yaml" class="save-link" href="/versions/draft.yaml#save-version-section"',
                     listed)
    reply = client.post("/save/draft.yaml", data={**values, "message": "Round 2: pull-back agreed"},
                        follow_redirects=False)
    assert reply.status_code == 303
    short = git(bench.root, "rev-parse", "--short", "HEAD").strip()
    assert reply.headers["location"] == f"/versions/draft.yaml?saved={short}#save-notice"
    assert git(bench.root, "log", "-1", "--format=%s").strip() == "Round 2: pull-back agreed"
    assert git(bench.root, "show", "--name-only", "--format=", "HEAD").split() == ["draft.yaml"]
    assert git(bench.root, "status", "--porcelain").splitlines() == ["A  other.txt", "?? round-1.yaml",
                                                                     "?? round-2.yaml"]
    shown = client.get(reply.headers["location"]).text
    assert f'<p id="save-notice" class="notice" role="status">Saved in git as {short}:' in shown
    assert 'id="save-version"' not in shown


def test_a_page_made_from_an_older_file_saves_nothing(served):
    bench, client = served
    configure(bench.root)
    changed(bench)
    values = form_values(client.get("/versions/draft.yaml").text)
    path = bench.root / "draft.yaml"
    path.write_bytes(path.read_bytes().replace(b"version: R2b", b"version: R2c", 1))
    head = git(bench.root, "rev-parse", "HEAD")
    reply = client.post("/save/draft.yaml", data=values)
    assert reply.status_code == 409
    assert ('<p id="save-error" class="error" role="alert">draft.yaml changed since this page was loaded (someone '
            "saved a newer version); nothing was saved in git: reload the page, look at the changes and save again "
            "[PD-E110]</p>") in reply.text
    assert git(bench.root, "rev-parse", "HEAD") == head


def test_a_form_without_its_token_saves_nothing(served):
    bench, client = served
    changed(bench)
    values = form_values(client.get("/versions/draft.yaml").text)
    head = git(bench.root, "rev-parse", "HEAD")
    reply = client.post("/save/draft.yaml", data={**values, "csrf": "wrong"})
    assert reply.status_code == 403
    assert git(bench.root, "rev-parse", "HEAD") == head


def test_a_refusing_hook_is_one_line_with_its_code(served):
    bench, client = served
    configure(bench.root)
    changed(bench)
    hook = bench.root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'drafts are frozen until Monday' >&2\nexit 1\n")
    hook.chmod(0o755)
    values = form_values(client.get("/versions/draft.yaml").text)
    reply = client.post("/save/draft.yaml", data=values)
    assert reply.status_code == 500
    assert ('<p id="save-error" class="error" role="alert">draft.yaml: git did not save this version: drafts are '
            "frozen until Monday [PD-E126]</p>") in reply.text
    assert "Traceback" not in reply.text
    assert form_values(reply.text)["message"] == "Round 2, version R2b"


def test_no_identity_is_one_line_with_its_code(served, monkeypatch):
    from workbench import saving

    bench, client = served
    changed(bench)
    bare = {"PATH": "/usr/bin:/bin", "HOME": str(bench.root / "no-home"), "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "user.useConfigOnly", "GIT_CONFIG_VALUE_0": "true"}
    monkeypatch.setattr(saving, "GIT_ENVIRONMENT", bare)
    values = form_values(client.get("/versions/draft.yaml").text)
    reply = client.post("/save/draft.yaml", data=values)
    assert reply.status_code == 500
    line = re.search(r'<p id="save-error" class="error" role="alert">(.*?)</p>', reply.text).group(1)
    assert line.startswith("draft.yaml: git did not save this version: ") and line.endswith("[PD-E126]")
    assert "\n" not in line


def test_outside_git_no_save_is_offered(tmp_path):
    from tests.workbench.conftest import HOST, PORT, client_for, example
    from workbench.app import allowed_hosts
    from workbench.state import Bench

    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "round-2.yaml").write_bytes(example("round-2"))
    bench = Bench(folder, allowed_hosts=allowed_hosts(HOST, PORT))
    client = client_for(bench)
    assert 'id="save-version"' not in client.get("/versions/round-2.yaml").text
    assert 'id="save-link-' not in client.get("/").text
    reply = client.post("/save/round-2.yaml", data={"csrf": bench.csrf, "message": "x"})
    assert reply.status_code == 409
    assert "round-2.yaml: nothing to save: the file is outside git [PD-E126]" in reply.text
