"""What the real-browser tests share: a module's served folder, browser and screenshot folder, and small steps.

Each browser test module imports the fixtures `live`, `driver`, `downloaded` and `shots` from here: one
LiveWorkbench and one Chromium per module (a start-up costs a few seconds on the 2-core machine).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.workbench.browser import LiveWorkbench, chromium, need_browser, screenshot_folder, whole_page_screenshot
from tests.workbench.conftest import make_folder

WAIT = 20  # seconds an element may take to appear (a first draw of a page is under two seconds here)


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """Return the workbench of a fresh folder (draft.yaml at round 2, round 1 one commit back), served live."""
    need_browser()
    bench = LiveWorkbench(make_folder(tmp_path_factory.mktemp("served") / "drafts"))
    yield bench
    bench.stop()


@pytest.fixture(scope="module")
def downloaded(tmp_path_factory) -> Path:
    """Return the folder the browser downloads into."""
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def driver(live, downloaded):
    """Return the module's Chromium, already through the gate (the token kept in its cookie)."""
    browser = chromium(downloaded)
    try:
        browser.get(live.url("/?token=" + live.bench.token))
        assert browser.find_elements("id", "drafts"), browser.page_source[:500]
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Return the folder screenshots are saved in (PEACEDRAFT_SCREENSHOTS, else a temporary one)."""
    return screenshot_folder(tmp_path_factory.mktemp("screenshots"))


def shoot(driver, shots: Path, page: str, lang: str, start: str = "") -> Path:
    """Save a whole-page screenshot named `<page>-<lang>.png` (from the element with id `start` down, if given)."""
    if not start:
        return whole_page_screenshot(driver, shots / f"{page}-{lang}.png")
    path = shots / f"{page}-{lang}.png"
    driver.set_window_size(1280, 3000)
    driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", start)
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1000)
    return path


def wait(driver, timeout: float = WAIT):
    """Return an explicit wait on the driver."""
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout)


def shown(driver, css: str, timeout: float = WAIT):
    """Return the element a CSS selector finds once it is visible."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    return wait(driver, timeout).until(ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


def by_id(driver, element_id: str):
    """Return the element with an id (ids may hold dots and slashes, so no CSS selector)."""
    return driver.find_element("id", element_id)


def record_htmx_statuses(driver) -> None:
    """Keep the HTTP status of every htmx request the page makes from now on in window.pdStatuses."""
    driver.execute_script("window.pdStatuses = [];"
                          "document.body.addEventListener('htmx:afterRequest',"
                          " function (e) { window.pdStatuses.push(e.detail.xhr.status); });")


def htmx_statuses(driver) -> list[int]:
    """Return the statuses recorded since record_htmx_statuses."""
    return driver.execute_script("return window.pdStatuses || [];")


def find_node(tree, node_id: str):
    """Return the mapping with an id anywhere in a loaded draft (None if there is none)."""
    if isinstance(tree, dict):
        if tree.get("id") == node_id:
            return tree
        tree = list(tree.values())
    if isinstance(tree, list):
        for item in tree:
            found = find_node(item, node_id)
            if found is not None:
                return found
    return None


def node_on_disk(path: Path, node_id: str) -> dict:
    """Return a node of a draft file as the file now says it."""
    node = find_node(YAML(typ="safe").load(path.read_text(encoding="utf-8")), node_id)
    assert node is not None, f"no node {node_id} in {path}"
    return node


def until_file(path: Path, timeout: float = WAIT) -> Path:
    """Return a downloaded file once the browser has finished writing it."""
    deadline = time.monotonic() + timeout
    partial = path.with_name(path.name + ".crdownload")
    while time.monotonic() < deadline:
        if path.exists() and not partial.exists() and path.stat().st_size:
            return path
        time.sleep(0.05)
    folder = path.parent
    raise AssertionError(f"{path.name} was not downloaded; the folder holds {sorted(p.name for p in folder.iterdir())}")
