"""The workbench in a real browser, reading: the drafts list, a draft in each language and side by side, two
versions compared, a precedent searched in Korean, the Word text downloaded, the static HTML of a diff, paths
outside the folder refused; and screenshots of those pages (PEACEDRAFT_SCREENSHOTS names where they go)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.workbench.browser_steps import (by_id, downloaded, driver, live, shoot, shots, shown,  # noqa: F401
                                           until_file, wait)

from tests.workbench.browser import whole_page_screenshot

REPO = Path(__file__).resolve().parents[2]
TITLE = "Agreement on the Establishment of a Permanent Peace Regime on the Korean Peninsula"


def headings(driver, css: str = ".reading article h4") -> list[str]:
    """Return the texts of the article headings shown."""
    return [element.text for element in driver.find_elements("css selector", css)]


def test_the_drafts_list_shows_every_draft_with_its_round_and_a_draft_opens(driver, live, shots):
    driver.get(live.url("/"))
    rows = {row.get_attribute("data-path"): row for row in driver.find_elements("css selector", "#drafts tbody tr")}
    assert set(rows) == {"draft.yaml", "round-1.yaml", "round-2.yaml"}
    rounds = {path: row.find_element("css selector", ".round").text for path, row in rows.items()}
    assert rounds == {"draft.yaml": "2", "round-1.yaml": "1", "round-2.yaml": "2"}
    assert rows["round-1.yaml"].find_element("css selector", ".version").text == "R1"
    assert TITLE in rows["draft.yaml"].find_element("css selector", ".title").text
    shoot(driver, shots, "drafts", "en")
    rows["draft.yaml"].find_element("css selector", "th a").click()
    wait(driver).until(lambda d: d.current_url.endswith("/draft/draft.yaml"))
    assert shown(driver, "#summary-round").text == "2"
    assert headings(driver)[:3] == ["Article 1 — Definitions", "Article 2 — The Agreement and its Parties",
                                    "Article 3 — End of the State of War and Non-Aggression"]
    assert by_id(driver, "lang-en").get_attribute("aria-current") == "true"
    assert "withdraw their artillery and multiple rocket launchers" in by_id(driver, "force.artillery").text
    shoot(driver, shots, "document", "en")


def test_the_drafts_list_fits_a_1280_pixel_window(driver, live):
    driver.get(live.url("/"))
    shown(driver, "#drafts")
    width = driver.execute_script("return document.documentElement.clientWidth")
    for link in driver.find_elements("css selector", "#drafts td.links a"):
        assert link.rect["x"] + link.rect["width"] <= width, f"{link.text} stands beyond the window ({width} px)"
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width


def test_the_drafts_list_fits_an_800_pixel_window_as_cards(driver, live, shots):
    driver.set_window_size(800, 1000)
    try:
        driver.get(live.url("/"))
        shown(driver, "#drafts")
        width = driver.execute_script("return document.documentElement.clientWidth")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width
        for cell in driver.find_elements("css selector", "#drafts tbody td, #drafts tbody th"):
            assert cell.rect["x"] + cell.rect["width"] <= width, f"{cell.text} stands beyond the window ({width} px)"
        errors = driver.find_element("css selector", "#drafts tbody tr td.errors")
        label = driver.execute_script("return getComputedStyle(arguments[0], '::before').content", errors)
        assert label == '"Errors"'
        assert driver.find_element("css selector", "#drafts").get_attribute("role") == "table"
        whole_page_screenshot(driver, shots / "drafts-800-en.png", width=800)
    finally:
        driver.set_window_size(1280, 1000)


def test_the_language_switch_shows_korean_chinese_and_three_columns(driver, live, shots):
    driver.get(live.url("/draft/draft.yaml"))
    by_id(driver, "lang-ko").click()
    wait(driver).until(lambda d: d.current_url.endswith("?lang=ko"))
    article = shown(driver, ".reading article")
    assert article.get_attribute("lang") == "ko-KR"
    assert headings(driver)[:2] == ["제1조 정의", "제2조 협정과 그 당사자"]
    assert {h.get_attribute("lang") for h in driver.find_elements("css selector", ".reading article h4")} == {"ko-KR"}
    assert by_id(driver, "lang-ko").get_attribute("aria-current") == "true"
    assert by_id(driver, "lang-en").get_attribute("aria-current") is None
    assert "15킬로미터" in by_id(driver, "force.artillery").text
    shoot(driver, shots, "document", "ko")

    by_id(driver, "lang-zh").click()
    wait(driver).until(lambda d: d.current_url.endswith("?lang=zh"))
    assert shown(driver, ".reading article").get_attribute("lang") == "zh-CN"
    assert headings(driver)[:2] == ["第一条\u3000定义", "第二条\u3000协定及其当事方"]
    assert by_id(driver, "lang-zh").get_attribute("aria-current") == "true"
    shoot(driver, shots, "document", "zh")

    by_id(driver, "lang-parallel").click()
    wait(driver).until(lambda d: d.current_url.endswith("?lang=parallel"))
    row = shown(driver, "#art\\.definitions .row.article")
    cells = row.find_elements("css selector", ":scope > .cell")
    assert [cell.get_attribute("lang") for cell in cells] == ["en-GB", "ko-KR", "zh-CN"]
    assert [cell.text for cell in cells] == ["Article 1 — Definitions", "제1조 정의", "第一条\u3000定义"]
    assert by_id(driver, "lang-parallel").get_attribute("aria-current") == "true"
    shoot(driver, shots, "document", "parallel")


def test_the_parallel_columns_stand_level(driver, live):
    driver.get(live.url("/draft/draft.yaml?lang=parallel"))
    for row_id in ("art.definitions", "force.artillery"):
        row = shown(driver, f"[id='{row_id}'] .row, [id='{row_id}'].row")
        places = [cell.rect for cell in row.find_elements("css selector", ":scope > .cell")]
        assert len(places) == 3
        assert places[0]["x"] + places[0]["width"] <= places[1]["x"] + 1, (row_id, places)
        assert places[1]["x"] + places[1]["width"] <= places[2]["x"] + 1, (row_id, places)
        assert len({round(place["y"]) for place in places}) == 1, f"{row_id}: the three columns are not level"


def test_two_revisions_compared_show_their_changes_inline_and_side_by_side(driver, live, shots):
    from selenium.webdriver.support.ui import Select

    driver.get(live.url("/versions/draft.yaml"))
    old = Select(by_id(driver, "old-revision"))
    old.select_by_visible_text(next(option.text for option in old.options if option.text.endswith("Round 1")))
    Select(by_id(driver, "new-revision")).select_by_value("draft.yaml")
    Select(by_id(driver, "revision-lang")).select_by_value("ko")
    by_id(driver, "compare-revisions").click()
    wait(driver).until(lambda d: "lang=ko" in d.current_url and "new=draft.yaml" in d.current_url)
    head = shown(driver, "#versions-diff-heading")
    assert head.text.startswith("Changes from Round 1 as saved in git on 1 Jan 2026 (")
    assert head.text.endswith(") to Round 2 as saved in git (this file now)")
    assert not driver.find_elements("css selector", "#versions-diff .pd-head h1")  # the page's heading names them
    change = shown(driver, "#change-text-part\\.relations-heading")
    inline = change.find_element("css selector", ".pd-inline")
    sides = change.find_element("css selector", ".pd-side-by-side")
    assert inline.is_displayed() and not sides.is_displayed()
    inserted = inline.find_element("css selector", "ins")
    assert "및 인도적 문제" in inserted.text and inline.find_element("css selector", "p").get_attribute("lang") == "ko-KR"
    assert "underline" in inserted.value_of_css_property("text-decoration")
    assert driver.find_elements("css selector", "#versions-diff del"), "nothing deleted is shown"
    shoot(driver, shots, "versions", "ko")
    driver.find_element("css selector", "label[for='pd-view-sides']").click()
    wait(driver).until(lambda d: sides.is_displayed())
    assert not inline.is_displayed()
    before, after = sides.find_elements("css selector", "tbody td")
    assert before.text == "남북관계" and after.text.startswith("남북관계") and "및 인도적 문제" in after.text
    assert before.rect["x"] + before.rect["width"] <= after.rect["x"] + 1
    shoot(driver, shots, "versions-sides", "ko")
    driver.execute_script("arguments[0].scrollIntoView()", change)
    change.screenshot(str(shots / "versions-change-ko.png"))


def test_a_precedent_searched_in_korean_is_found_through_the_terminology(driver, live, shots):
    driver.get(live.url("/precedents"))
    query = shown(driver, "#precedent-query")
    query.send_keys("비무장지대")
    by_id(driver, "precedent-submit").click()
    hits = wait(driver).until(lambda d: d.find_elements("css selector", "#precedent-results .precedent-hit"))
    assert len(hits) >= 3
    assert by_id(driver, "precedent-query").get_attribute("value") == "비무장지대"
    marked = [mark.text.lower() for mark in driver.find_elements("css selector", "#precedent-results mark")]
    assert marked and any("demilitari" in word for word in marked), marked
    first = hits[0]
    assert first.get_attribute("data-provision")
    assert first.find_element("css selector", ".provision-link").text
    shoot(driver, shots, "precedents", "ko")


def test_the_word_text_downloads_and_opens_with_its_title_and_articles(driver, live, downloaded, shots):
    import docx

    driver.get(live.url("/downloads/draft.yaml"))
    link = shown(driver, "#download-docx-en")
    shoot(driver, shots, "downloads", "en")
    link.click()
    paragraphs = [p.text for p in docx.Document(str(until_file(downloaded / "draft.en.docx"))).paragraphs]
    text = "\n".join(paragraphs)
    assert TITLE in paragraphs
    assert "Definitions" in text and "withdraw their artillery and multiple rocket launchers" in text


def test_the_timeline_draws_its_chart_with_its_table(driver, live, shots):
    from selenium.webdriver.support.ui import Select

    driver.get(live.url("/timeline/draft.yaml"))
    assert shown(driver, "#timeline-chart svg").size["width"] > 300
    assert driver.find_elements("css selector", "#timeline-steps tbody tr")
    shoot(driver, shots, "timeline", "en")
    Select(by_id(driver, "timeline-lang")).select_by_value("ko")
    by_id(driver, "timeline-show").click()
    wait(driver).until(lambda d: "lang=ko" in d.current_url)
    wait(driver).until(lambda d: "야포 후방 재배치의 검증" in d.find_element("id", "timeline-steps").text)
    shoot(driver, shots, "timeline", "ko")


def test_the_static_html_of_a_diff_reads_without_scripts(driver, live, tmp_path, shots):
    folder = live.bench.root
    page = tmp_path / "changes.html"
    done = subprocess.run([sys.executable, "-m", "cli", "diff", str(folder / "round-1.yaml"),
                           str(folder / "round-2.yaml"), "--format", "html"], cwd=REPO, capture_output=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    page.write_bytes(done.stdout)
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(page.as_uri())
        assert shown(driver, ".pd-head h1").text == "Changes from R1 to R2"
        inserted = [e for e in driver.find_elements("css selector", "ins") if e.is_displayed()]
        deleted = [e for e in driver.find_elements("css selector", "del") if e.is_displayed()]
        assert inserted and deleted
        assert any("and Humanitarian Matters" in e.text for e in inserted)
        assert "underline" in inserted[0].value_of_css_property("text-decoration")
        assert "line-through" in deleted[0].value_of_css_property("text-decoration")
        assert not driver.find_elements("css selector", "script")
        shoot(driver, shots, "diff-static", "en")
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.parametrize("address", ["/draft/..%2F..%2Fetc%2Fpasswd", "/draft/%2e%2e%2fsecret.yaml", "/draft/link.yaml",
                                     "/draft/sub/link.yaml"])
def test_a_path_outside_the_folder_is_refused_in_one_line(driver, live, address):
    root = live.bench.root
    outside(root)
    driver.get(live.url(address))
    error = shown(driver, "main p.error")
    assert "[PD-E111]" in error.text, (driver.current_url, error.text)
    assert driver.title == "Error 403"
    assert len(driver.find_elements("css selector", "main p.error")) == 1 and "\n" not in error.text
    source = driver.page_source
    assert "outside_marker" not in source.lower() and "root:x:" not in source


def test_dots_the_browser_resolves_itself_never_reach_the_outside_file(driver, live):
    """`%2e%2e` is `..` to the browser (the URL standard): it asks for /secret.yaml, which is no page."""
    outside(live.bench.root)
    driver.get(live.url("/draft/%2e%2e/secret.yaml"))
    assert driver.current_url == live.url("/secret.yaml")
    error = shown(driver, "main p.error")
    assert error.text == "no page at /secret.yaml [PD-E118]"
    assert "outside_marker" not in driver.page_source.lower()


def outside(root: Path) -> None:
    """Put secret.yaml beside the served folder, and symbolic links to it in the folder and in a subfolder."""
    (root.parent / "secret.yaml").write_text("outside_marker: OUTSIDE-MARKER\n", encoding="utf-8")
    (root / "sub").mkdir(exist_ok=True)
    for link in (root / "link.yaml", root / "sub" / "link.yaml"):
        if not link.is_symlink():
            link.symlink_to(root.parent / "secret.yaml")
