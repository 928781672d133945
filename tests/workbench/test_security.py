"""The gate: Host header, access token, form token, request size, safety headers, one-line error pages."""

from __future__ import annotations

import re

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from tests.workbench.conftest import HOST, PORT, client_for
from workbench.app import allowed_hosts, create_app
from workbench.forms import posted_form
from workbench.security import COOKIE, MAX_BODY
from workbench.state import Bench


async def echo(request):
    """Return the posted field 'text' (a form of the test application)."""
    form = await posted_form(request)
    return PlainTextResponse(str(form.get("text")))


@pytest.fixture
def bench(tmp_path) -> Bench:
    """Return a bench over an empty folder."""
    return Bench(tmp_path, allowed_hosts=allowed_hosts(HOST, PORT))


@pytest.fixture
def client(bench: Bench, monkeypatch):
    """Return a client of the workbench with one extra form route, holding the token."""
    monkeypatch.setattr("workbench.app.area_routes", lambda: [Route("/echo", echo, methods=["POST"])])
    return client_for(bench)


def alert(response) -> str:
    """Return the one-line message of an error page."""
    found = re.search(r'<p class="error" role="alert">(.*?)</p>', response.text)
    assert found, response.text
    return found.group(1)


def test_loopback_answers_to_its_names_only():
    assert allowed_hosts("127.0.0.1", 8800) == {"127.0.0.1:8800", "localhost:8800", "[::1]:8800"}
    assert allowed_hosts("192.168.1.5", 9000) == {"192.168.1.5:9000"}


@pytest.mark.parametrize("host", ["evil.example:8800", "127.0.0.1:9999", "attacker.127.0.0.1.nip.io:8800"])
def test_another_host_is_refused(bench: Bench, client, host: str):
    response = client.get("/static/workbench.css", headers={"host": host})
    assert response.status_code == 400
    assert alert(response) == f"Host &#39;{host}&#39; is not the address this workbench serves [PD-E115]"


def test_no_token_no_page(bench: Bench):
    from starlette.testclient import TestClient

    fresh = TestClient(create_app(bench), base_url=f"http://{HOST}:{PORT}")
    response = fresh.get("/no/such/page")
    assert response.status_code == 401
    assert alert(response) == ("the access token is missing or wrong: open the address the workbench printed "
                               "when it started [PD-E113]")
    assert fresh.get("/no/such/page?token=wrong").status_code == 401
    fresh.cookies.set(COOKIE, "wrong")
    assert fresh.get("/no/such/page").status_code == 401


def test_the_token_is_kept_in_a_strict_cookie_and_left_out_of_the_address(bench: Bench):
    from starlette.testclient import TestClient

    fresh = TestClient(create_app(bench), base_url=f"http://{HOST}:{PORT}")
    response = fresh.get(f"/static/workbench.css?token={bench.token}&x=1", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/static/workbench.css?x=1"
    assert response.headers["set-cookie"] == f"{COOKIE}={bench.token}; Path=/; HttpOnly; SameSite=Strict"
    assert fresh.get("/static/workbench.css").status_code == 200


def test_every_reply_carries_the_safety_headers(client):
    for response in (client.get("/static/workbench.css"), client.get("/no/such/page")):
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_a_form_needs_the_form_token(bench: Bench, client):
    assert client.post("/echo", data={"text": "hi", "csrf": bench.csrf}).text == "hi"
    assert client.post("/echo", data={"text": "hi"}, headers={"x-csrf-token": bench.csrf}).text == "hi"
    for data in ({"text": "hi"}, {"text": "hi", "csrf": "0" * 64}):
        response = client.post("/echo", data=data)
        assert response.status_code == 403
        assert alert(response) == "the form token is missing or wrong: reload the page and send the form again [PD-E114]"


def test_the_form_token_is_not_the_access_token(bench: Bench):
    assert bench.csrf != bench.token and len(bench.csrf) == 64
    assert Bench(bench.root).csrf != bench.csrf


def test_a_large_request_is_refused(bench: Bench, client):
    response = client.post("/echo", data={"text": "x" * (MAX_BODY + 1), "csrf": bench.csrf})
    assert response.status_code == 413
    assert alert(response) == f"a request of more than {MAX_BODY:,} bytes is refused [PD-E112]"


def test_a_large_body_without_a_length_is_cut_off(bench: Bench, client):
    def chunks():
        yield f"csrf={bench.csrf}&text=".encode()
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"x" * 65536

    response = client.post("/echo", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


def test_an_unknown_page_is_one_line(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert alert(response) == "no page at /no/such/page [PD-E118]"
    assert "Traceback" not in response.text


def test_the_shipped_styles_need_no_token_but_give_none(bench: Bench):
    from starlette.testclient import TestClient

    fresh = TestClient(create_app(bench), base_url=f"http://{HOST}:{PORT}")
    assert fresh.get("/static/workbench.css").status_code == 200
    response = fresh.get("/static/workbench.css?token=guess", follow_redirects=False)
    assert response.status_code == 200 and "set-cookie" not in response.headers
    assert fresh.get("/static/../draft/x.yaml").status_code in (401, 404)
    assert fresh.get("/").status_code == 401


def test_a_folder_keeps_its_token_across_starts(tmp_path, monkeypatch):
    from workbench.tokens import folder_token, key_file

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    first = folder_token(tmp_path / "drafts")
    assert folder_token(tmp_path / "drafts") == first
    assert folder_token(tmp_path / "other") != first
    assert key_file().stat().st_mode & 0o777 == 0o600
    key_file().unlink()
    assert folder_token(tmp_path / "drafts") != first


def test_without_a_place_for_the_secret_the_token_is_new_each_time(tmp_path, monkeypatch):
    from workbench.tokens import folder_token

    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "file"))
    assert folder_token(tmp_path) != folder_token(tmp_path)
