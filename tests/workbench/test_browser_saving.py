"""The workbench in a real browser, saving a version in git: the drafts list's "modified" leads to the form, the form
records the file, and the page says so; screenshots of the form and the notice."""

from __future__ import annotations

from tests.workbench.browser_steps import by_id, downloaded, driver, live, shoot, shots, shown, wait  # noqa: F401
from tests.workbench.conftest import git


def test_a_modified_draft_is_saved_in_git_from_the_drafts_list(driver, live, shots):
    folder = live.bench.root
    git(folder, "config", "user.name", "Drafter")
    git(folder, "config", "user.email", "drafter@example.org")
    path = folder / "draft.yaml"
    path.write_bytes(path.read_bytes().replace(b"version: R2", b"version: R2b", 1))
    driver.get(live.url("/"))
    by_id(driver, "save-link-draft.yaml").click()
    wait(driver).until(lambda d: "/versions/draft.yaml" in d.current_url)
    message = shown(driver, "#save-message")
    assert message.get_attribute("value") == "Round 2, version R2b"
    assert shown(driver, "#versions-diff-heading").text.endswith("to Round 2 with unsaved changes (this file now)")
    shoot(driver, shots, "save-version", "en")
    message.clear()
    message.send_keys("Round 2: version R2b for the delegations")
    by_id(driver, "save-submit").click()
    notice = shown(driver, "#save-notice")
    assert notice.text.startswith("Saved in git as ")
    assert git(folder, "log", "-1", "--format=%s").strip() == "Round 2: version R2b for the delegations"
    assert not driver.find_elements("css selector", "#save-version")
    shoot(driver, shots, "saved-version", "en")
