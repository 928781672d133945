"""The workbench in a real browser, changing a draft: a library option added as a party's alternative, a refused
then an accepted parameter, a position recorded, a stale page refused keeping only what was typed over a
colleague's change, and one edit made by keyboard alone. Each test checks what the page shows and what the file on
disk then holds."""

from __future__ import annotations

import re

from agreements.edit.draft import set_values
from tests.workbench.browser_steps import (by_id, downloaded, driver, htmx_statuses, live,  # noqa: F401
                                           node_on_disk, record_htmx_statuses, shoot, shots, shown, wait)

NODE = "force.artillery"
OPTION = "add-forces-artillery"  # the form of the library option forces/artillery
LOCATED = re.compile(r"^draft\.yaml:\d+:\d+: force\.artillery: .+ \[PD-E0\d\d\]$")


def node_page(driver, live, node_id: str = NODE) -> None:
    """Open a node's edit page."""
    driver.get(live.url(f"/node/draft.yaml?id={node_id}"))
    shown(driver, "#node-form")


def retype(element, text: str) -> None:
    """Replace what an input holds with text, as a user would (select all, type)."""
    from selenium.webdriver.common.keys import Keys
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(text)


def test_a_library_option_is_added_as_an_alternative_a_party_proposes(driver, live, shots):
    from selenium.webdriver.support.ui import Select

    draft = live.bench.root / "draft.yaml"
    before = node_on_disk(draft, NODE).get("alternatives", [])
    driver.get(live.url("/compose/draft.yaml?topic=force_reduction_and_redeployment"))
    shown(driver, f"#{OPTION}")
    shoot(driver, shots, "compose", "en")
    by_id(driver, f"{OPTION}-mode-alternative").click()
    Select(by_id(driver, f"{OPTION}-alternative-to")).select_by_value(NODE)
    Select(by_id(driver, f"{OPTION}-proposed-by")).select_by_value("dprk")
    retype(by_id(driver, f"{OPTION}-set-pullback_km"), "20")
    record_htmx_statuses(driver)
    by_id(driver, f"{OPTION}-submit").click()
    added = shown(driver, f"#{OPTION}-added")
    assert "as an alternative to Article 8, paragraph 2, proposed by Democratic People's Republic of Korea." \
        in added.text and "Artillery and multiple rocket launchers pulled back" in added.text, added.text
    assert driver.switch_to.active_element.get_attribute("id") == f"{OPTION}-added"
    assert not driver.find_elements("id", f"{OPTION}-error")
    assert htmx_statuses(driver) == [200]
    alternatives = node_on_disk(draft, NODE)["alternatives"]
    assert len(alternatives) == len(before) + 1
    new = [alternative for alternative in alternatives if alternative not in before][0]
    assert new["proposed_by"] == ["dprk"]
    assert new["set"]["pullback_km"] == 20 if "set" in new else new["pullback_km"] == 20
    shoot(driver, shots, "compose-added", "en", start="option-forces-artillery")


def test_a_refused_parameter_is_shown_at_its_field_then_a_good_one_is_written(driver, live, shots):
    draft = live.bench.root / "draft.yaml"
    node_page(driver, live)
    before = draft.read_bytes()
    retype(by_id(driver, "field-pullback_km"), "150")
    by_id(driver, "node-form-submit").click()
    error = shown(driver, "#field-pullback_km-error")
    assert LOCATED.match(error.text), error.text
    assert "pullback_km" in error.text and "150" in error.text
    field = by_id(driver, "field-pullback_km")
    assert field.get_attribute("aria-invalid") == "true"
    assert "field-pullback_km-error" in field.get_attribute("aria-describedby").split()
    assert field.get_attribute("value") == "150", "the form did not keep what was typed"
    below = error.rect["y"] - (field.rect["y"] + field.rect["height"])
    assert -1 <= below < 80, f"the error stands {below} px from its field"
    assert draft.read_bytes() == before
    shoot(driver, shots, "node-error", "en")

    retype(by_id(driver, "field-pullback_km"), "12")
    by_id(driver, "node-form-submit").click()
    notice = shown(driver, "#saved-notice")
    assert notice.text.startswith("Saved"), notice.text
    in_view(driver, "saved-notice")
    assert driver.switch_to.active_element.get_attribute("id") == "saved-notice"
    shoot(driver, shots, "node-saved-at-form", "en", start="node-form-heading")
    assert not driver.find_elements("id", "field-pullback_km-error")
    assert by_id(driver, "field-pullback_km").get_attribute("value") == "12"
    assert node_on_disk(draft, NODE)["pullback_km"] == 12
    assert b"pullback_km: 12" in draft.read_bytes()


def test_a_position_is_recorded_with_its_note(driver, live, shots):
    draft = live.bench.root / "draft.yaml"
    note = "Could accept 12 km if the guard posts go first."
    node_page(driver, live)
    by_id(driver, "position-dprk-oppose").click()
    retype(by_id(driver, "position-dprk-note"), note)
    by_id(driver, "position-dprk-submit").click()
    notice = shown(driver, "#saved-notice")
    assert "dprk" in notice.text.lower(), notice.text
    assert by_id(driver, "position-dprk-oppose").is_selected()
    assert by_id(driver, "position-dprk-note").get_attribute("value") == note
    assert node_on_disk(draft, NODE)["positions"]["dprk"] == {"stance": "oppose", "note": note}
    shoot(driver, shots, "node-saved", "en")


def test_a_form_from_a_stale_page_is_refused_and_the_newer_file_kept(driver, live, shots):
    draft = live.bench.root / "draft.yaml"
    node_page(driver, live)
    newer = draft.read_bytes() + b"# Saved by a colleague while the page was open.\n"
    draft.write_bytes(newer)
    record_htmx_statuses(driver)
    retype(by_id(driver, "field-pullback_km"), "14")
    by_id(driver, "node-form-submit").click()
    stale = shown(driver, "#stale-error")
    assert "draft.yaml changed since this page was loaded" in stale.text and "[PD-E110]" in stale.text
    assert htmx_statuses(driver) == [409]
    assert draft.read_bytes() == newer
    assert not driver.find_elements("id", "saved-notice")
    in_view(driver, "stale-error")
    assert by_id(driver, "field-pullback_km").get_attribute("value") == "14", "what was typed was lost"
    assert "What you typed is kept" in stale.text
    assert not driver.find_elements("id", "field-pullback_km-now"), "a field only the user changed is no conflict"
    driver.save_screenshot(str(shots / "node-stale-en.png"))


def test_a_stale_page_keeps_a_colleagues_change_to_a_field_left_alone_and_saving_again_writes_both(driver, live):
    draft = live.bench.root / "draft.yaml"
    node_page(driver, live)
    days = node_on_disk(draft, NODE)["deadline"]["days"] + 1
    set_values(str(draft), NODE, (f"deadline.days={days}",))  # a colleague, while the page is open
    retype(by_id(driver, "field-pullback_km"), "16")
    by_id(driver, "node-form-submit").click()
    shown(driver, "#stale-error")
    assert by_id(driver, "field-deadline-days").get_attribute("value") == str(days), "the colleague's change lost"
    assert by_id(driver, "field-pullback_km").get_attribute("value") == "16", "what was typed was lost"
    assert not driver.find_elements("css selector", "#node-form .field-now")
    assert node_on_disk(draft, NODE)["pullback_km"] != 16
    by_id(driver, "node-form-submit").click()
    assert shown(driver, "#saved-notice").text.startswith("Saved")
    on_disk = node_on_disk(draft, NODE)
    assert (on_disk["pullback_km"], on_disk["deadline"]["days"]) == (16, days)


def in_view(driver, element_id: str) -> None:
    """Fail unless an element stands inside the window."""
    top, bottom, height = driver.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return [r.top, r.bottom, window.innerHeight];", element_id)
    assert 0 <= top and bottom <= height, f"#{element_id} is out of sight ({top}..{bottom} of {height})"


def test_a_word_typed_in_a_number_box_reaches_the_server_and_is_refused_at_the_field(driver, live):
    draft = live.bench.root / "draft.yaml"
    node_page(driver, live)
    before = draft.read_bytes()
    retype(by_id(driver, "field-pullback_km"), "ten")
    by_id(driver, "node-form-submit").click()
    error = shown(driver, "#field-pullback_km-error")
    assert "input should be a valid number" in error.text and "'ten'" in error.text, error.text
    assert draft.read_bytes() == before


def test_back_after_a_save_shows_the_saved_value(driver, live):
    node_page(driver, live)
    retype(by_id(driver, "field-pullback_km"), "17")
    by_id(driver, "node-form-submit").click()
    shown(driver, "#saved-notice")
    by_id(driver, "back-to-document").click()
    shown(driver, "#language-switch")
    driver.back()
    shown(driver, "#node-form")
    assert by_id(driver, "field-pullback_km").get_attribute("value") == "17"


def focused(driver) -> dict:
    """Return the id, class, outline and place of the element that has the focus."""
    return driver.execute_script(
        "const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();"
        "return {id: e.id, cls: e.className, tag: e.tagName, outline: s.outlineStyle,"
        " width: parseFloat(s.outlineWidth), x: r.left, visible: r.width > 0 && r.right > 0};")


def tab_to(driver, element_id: str, limit: int = 200) -> dict:
    """Press Tab until the element with an id has the focus; return what has it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        now = focused(driver)
        if now["id"] == element_id:
            return now
    raise AssertionError(f"{limit} presses of Tab never reached #{element_id}")


def test_an_edit_made_by_keyboard_alone(driver, live, shots):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    draft = live.bench.root / "draft.yaml"
    driver.get(live.url("/draft/draft.yaml"))
    shown(driver, "#language-switch")
    keys = ActionChains(driver)
    keys.send_keys(Keys.TAB).perform()
    first = focused(driver)
    assert "skip" in first["cls"] and first["tag"] == "A", first
    assert first["visible"] and first["x"] >= 0, "the skip link stays off screen when it has the focus"
    assert first["outline"] != "none" and first["width"] >= 2, f"no visible focus on the skip link: {first}"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait(driver).until(lambda d: focused(d)["id"] == "main")
    tab_to(driver, "jump-to-article", limit=3)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    tab_to(driver, "jump-art.force-reduction", limit=20)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    edit = tab_to(driver, f"edit-{NODE}", limit=12)
    assert edit["outline"] != "none" and edit["width"] >= 2, f"no visible focus on the Edit link: {edit}"
    driver.save_screenshot(str(shots / "document-focus-en.png"))
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait(driver).until(lambda d: f"id={NODE}" in d.current_url)
    shown(driver, "#node-form")
    field = tab_to(driver, "field-pullback_km")
    assert field["outline"] != "none", f"no visible focus on the field: {field}"
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys("13") \
        .send_keys(Keys.ENTER).perform()
    assert shown(driver, "#saved-notice").text.startswith("Saved")
    assert node_on_disk(draft, NODE)["pullback_km"] == 13
