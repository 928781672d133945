"""A real browser for the workbench tests: the workbench served by uvicorn in a thread, Chromium driven by selenium.

Debian's chromium and chromium-driver are used (/usr/bin/chromium, /usr/bin/chromedriver), headless. CI
installs them and sets PEACEDRAFT_REQUIRE_BROWSER=1: there a missing browser fails instead of skipping.
Screenshots go to PEACEDRAFT_SCREENSHOTS when it names a folder, else to a temporary folder.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from workbench.app import allowed_hosts, create_app
from workbench.server import bound_socket
from workbench.state import Bench

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
REQUIRED = bool(os.environ.get("PEACEDRAFT_REQUIRE_BROWSER"))
FLAGS = ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,1000", "--lang=en-US")


def need_browser() -> None:
    """Skip where Chromium and its driver are absent; fail instead where CI requires them."""
    if Path(CHROMIUM).exists() and Path(DRIVER).exists():
        return
    if REQUIRED:
        pytest.fail("chromium and chromium-driver are required here but not installed")
    pytest.skip("chromium and chromium-driver are not installed (CI installs them)")


class LiveWorkbench:
    """The workbench of a folder served on a free loopback port by uvicorn in a thread of the test process."""

    def __init__(self, folder: Path):
        self.socket = bound_socket("127.0.0.1", 0)
        self.port = self.socket.getsockname()[1]
        self.bench = Bench(folder, allowed_hosts=allowed_hosts("127.0.0.1", self.port))
        config = uvicorn.Config(create_app(self.bench), log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.02)

    def url(self, path: str = "/") -> str:
        """Return the address of a page."""
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        """Stop serving."""
        self.server.should_exit = True
        self.thread.join(timeout=10)


def chromium(download_folder: Path):
    """Return a headless Chromium driven by selenium, downloading into a folder."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(download_folder),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_page_load_timeout(60)
    return driver


def screenshot_folder(fallback: Path) -> Path:
    """Return the folder screenshots are saved in."""
    folder = Path(os.environ.get("PEACEDRAFT_SCREENSHOTS") or fallback)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def whole_page_screenshot(driver, path: Path, width: int = 1280) -> Path:
    """Save a screenshot of the whole page (the window grown to the page's height, up to 6,000 pixels)."""
    height, chrome = driver.execute_script("return [document.documentElement.scrollHeight,"
                                           " window.outerHeight - window.innerHeight]")
    driver.set_window_size(width, max(1000, min(6000, height + chrome)))  # the window's own bars included
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(path))
    driver.set_window_size(width, 1000)
    return path


