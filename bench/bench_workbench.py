"""Benchmark: the workbench on round 2 — each page served, and an edit's round trip, over real HTTP.

Run: python bench/bench_workbench.py [--repeat N]
The workbench serves a temporary folder holding round 2 of the shipped example (committed in git, round 1 one
commit back) from uvicorn in a thread; a client on the same machine asks for each page REPEAT times after one
warm-up request and reports the median, the slowest and the target (a page ≤ 300 ms). An edit's round trip is
the POST of a form (a parameter of force.artillery set, a party's position recorded, alternately changing the
value so every POST writes) and the GET of the page it leads to (target ≤ 500 ms). The first request after a
start (cold) is reported apart: it reads the draft, the library and the index once.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import uvicorn  # noqa: E402

from agreements.drafts import file_digest  # noqa: E402
from workbench.app import allowed_hosts, create_app  # noqa: E402
from workbench.server import bound_socket  # noqa: E402
from workbench.state import Bench  # noqa: E402

PAGE_TARGET, EDIT_TARGET = 0.300, 0.500
PAGES = ("/", "/draft/draft.yaml", "/draft/draft.yaml?lang=parallel", "/node/draft.yaml?id=force.artillery",
         "/compose/draft.yaml", "/versions/draft.yaml", "/timeline/draft.yaml", "/downloads/draft.yaml",
         "/precedents?q=demilitarized+zone", "/precedents/compare/draft.yaml", "/precedents/coverage")


def folder() -> Path:
    """Return a folder in git holding draft.yaml: round 1 committed, then round 2."""
    path = Path(tempfile.mkdtemp(prefix="bench-workbench-"))
    env = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@b",
           "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "init", "-q"], cwd=path, env=env, check=True)
    for name in ("round-1", "round-2"):
        (path / "draft.yaml").write_bytes(resources.files("agreements.examples").joinpath(f"{name}.yaml").read_bytes())
        subprocess.run(["git", "add", "draft.yaml"], cwd=path, env=env, check=True)
        subprocess.run(["git", "commit", "-qm", name], cwd=path, env=env, check=True)
    return path


class Client:
    """A keep-alive HTTP client of the served workbench holding its access token."""

    def __init__(self, bench: Bench, port: int):
        self.bench, self.connection = bench, http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.headers = {"Cookie": f"peacedraft_token={bench.token}", "Host": f"127.0.0.1:{port}"}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[float, int]:
        """Return the seconds a request took to its last byte, and its status."""
        body = urlencode(form).encode() if form else None
        headers = {**self.headers, **({"Content-Type": "application/x-www-form-urlencoded"} if body else {})}
        start = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        response.read()
        return time.perf_counter() - start, response.status


def edit_forms(bench: Bench, round_number: int) -> list[tuple[str, dict, str]]:
    """Return the edits of one round: (path posted, form, page then shown), each changing the file."""
    draft = bench.root / "draft.yaml"
    common = {"csrf": bench.csrf, "id": "force.artillery"}
    return [
        ("/node/draft.yaml/set", {**common, "expect": file_digest(draft), "pullback_km": str(15 + round_number % 2)},
         "/node/draft.yaml?id=force.artillery"),
        ("/node/draft.yaml/position", {**common, "expect": None, "party": "dprk",
                                       "stance": ("oppose", "reserve")[round_number % 2]}, "/draft/draft.yaml"),
    ]


def edit_round_trips(client: Client, bench: Bench, repeat: int) -> dict[str, list[float]]:
    """Return the round-trip times of each kind of edit (POST, then GET of the page it leads to)."""
    times: dict[str, list[float]] = {}
    for number in range(repeat + 1):
        for path, form, page in edit_forms(bench, number):
            form["expect"] = file_digest(bench.root / "draft.yaml")
            posted, status = client.request("POST", path, form)
            if status not in (200, 303):
                raise SystemExit(f"{path}: HTTP {status}")
            shown, _ = client.request("GET", page)
            if number:
                times.setdefault(path, []).append(posted + shown)
    return times


def line(name: str, times: list[float], target: float) -> str:
    """Return a report line: median, slowest, target and whether the median meets it."""
    median = statistics.median(times)
    verdict = "ok" if median <= target else "OVER"
    return f"{name:48} median {median * 1000:7.1f} ms  max {max(times) * 1000:7.1f} ms  target {target * 1000:.0f} ms  {verdict}"


def main() -> None:
    """Serve round 2, time every page and both edits, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    repeat = parser.parse_args().repeat
    sock = bound_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    bench = Bench(folder(), allowed_hosts=allowed_hosts("127.0.0.1", port))
    server = uvicorn.Server(uvicorn.Config(create_app(bench), log_level="warning", access_log=False))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    client = Client(bench, port)
    print(f"workbench on round 2, {repeat} requests per page after one cold request")
    for page in PAGES:
        cold, status = client.request("GET", page)
        times = [client.request("GET", page)[0] for _ in range(repeat)]
        print(line(f"GET {page} (HTTP {status}, cold {cold * 1000:.0f} ms)", times, PAGE_TARGET))
    for path, times in edit_round_trips(client, bench, repeat).items():
        print(line(f"edit round trip: POST {path} + GET", times, EDIT_TARGET))
    server.should_exit = True


if __name__ == "__main__":
    main()
