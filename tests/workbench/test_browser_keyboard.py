"""The workbench by keyboard alone, in Chromium: Tab moves through every control in the page's order, each shows
its focus outline, and none holds the focus."""

from __future__ import annotations

import pytest

from tests.workbench.browser_steps import driver, downloaded, live  # noqa: F401 (fixtures)

PAGES = ["/", "/draft/draft.yaml", "/draft/draft.yaml?lang=parallel", "/node/draft.yaml?id=force.artillery",
         "/compose/draft.yaml", "/compose/draft.yaml?topic=force_reduction_and_redeployment"]
FOCUSED = """const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
return {tag: e.tagName, name: e.id || e.getAttribute('href') || e.name || '', outline: s.outlineStyle,
        width: parseFloat(s.outlineWidth), shown: r.width > 0 && r.height > 0,
        index: Array.prototype.indexOf.call(document.getElementsByTagName('*'), e)};"""


def tab_stops(driver, limit: int = 400) -> list[dict]:
    """Return the element focused after each Tab, until the focus leaves the page or comes back to the first."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    stops: list[dict] = []
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(FOCUSED)
        if focused["tag"] == "BODY" or (stops and focused["index"] == stops[0]["index"]):
            return stops
        assert focused["index"] not in [stop["index"] for stop in stops], f"focus held: {focused}"
        stops.append(focused)
    raise AssertionError(f"{limit} presses of Tab did not leave the page")


@pytest.mark.parametrize("address", PAGES)
def test_tab_goes_through_the_page_in_order_with_the_focus_shown(driver, live, address):
    driver.get(live.url(address))
    stops = tab_stops(driver)
    assert stops[0]["name"] == "#main"  # the skip link first
    assert len(stops) > 10
    for stop in stops:
        assert stop["outline"] != "none" and stop["width"] >= 2, stop
        assert stop["shown"], stop
    indexes = [stop["index"] for stop in stops]
    assert indexes == sorted(indexes)  # the order of the page, no tabindex reordering it
