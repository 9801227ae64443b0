"""The production stack as the Docker image runs it: gunicorn with production
settings, static files hashed and served by whitenoise. (No Docker engine runs
here, so this starts the same processes directly.)"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.responses import policy

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.deploy


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    request = urllib.request.Request(
        url, headers={"X-Forwarded-Proto": "https", "Host": "copro.example.org"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 20 + "-production-test-secret-key-0123456789",
        "ALLOWED_HOSTS": "copro.example.org",
        "SITE_URL": "https://copro.example.org",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "SINGLE_PROCESS": "true",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        "SECURITY_CONTACT": "security@copro.example.org",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    python = str(BIN / "python")
    for command in (["collectstatic", "--noinput", "-v0"], ["migrate", "--noinput", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    log = (tmp / "gunicorn.log").open("wb")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(base + "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        server.kill()
        pytest.fail("gunicorn did not start:\n" + (tmp / "gunicorn.log").read_text())
    yield base, tmp
    server.terminate()
    server.wait(timeout=10)
    log.close()


def test_health_check_and_home_page(production_server):
    base, _ = production_server
    # As the Docker HEALTHCHECK calls it: plain HTTP, internal address.
    with urllib.request.urlopen(base + "/healthz", timeout=10) as response:  # noqa: S310
        assert response.status == 200
    status, headers, body = fetch(base + "/")
    assert status == 200
    assert b"Skip to main content" in body
    assert "max-age" in headers.get("Strict-Transport-Security", "")
    assert headers.get("X-Content-Type-Options") == "nosniff"


def test_page_links_the_hashed_stylesheet_which_whitenoise_serves(production_server):
    base, tmp = production_server
    manifest = json.loads((tmp / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"

    _, _, body = fetch(base + "/")
    assert f"/static/{hashed}".encode() in body

    status, headers, css = fetch(base + f"/static/{hashed}")
    assert status == 200
    assert b".skip-link" in css
    assert "immutable" in headers.get("Cache-Control", "")


def test_production_headers_policy_and_host_only_cookies(production_server):
    base, tmp = production_server
    status, headers, _ = fetch(base + "/")
    assert status == 200
    assert policy(headers)["script-src"] == ["'self'"]
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"

    manifest = json.loads((tmp / "static" / "staticfiles.json").read_text())
    _, static_headers, _ = fetch(base + "/static/" + manifest["paths"]["css/site.css"])
    assert static_headers["Cross-Origin-Resource-Policy"] == "same-origin"

    request = urllib.request.Request(
        base + "/admin/login/",
        headers={"X-Forwarded-Proto": "https", "Host": "copro.example.org"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-csrftoken=")
    assert "Secure" in cookie and "Path=/" in cookie
    assert "Domain" not in cookie and "expires" not in cookie.lower()

    status, _, body = fetch(base + "/.well-known/security.txt")
    assert status == 200
    assert b"Contact: mailto:security@copro.example.org\n" in body
    assert b"Canonical: https://copro.example.org/.well-known/security.txt\n" in body


def test_plain_http_is_redirected_to_https(production_server):
    base, _ = production_server
    request = urllib.request.Request(base + "/", headers={"Host": "copro.example.org"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request, timeout=10)
    assert error.value.code == 301
    assert error.value.headers["Location"].startswith("https://")


def test_production_refuses_to_start_without_a_secret_key():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "",
        "ALLOWED_HOSTS": "example.org",
    }
    result = subprocess.run(
        [str(BIN / "python"), "manage.py", "check"], cwd=ROOT, env=env, capture_output=True
    )
    assert result.returncode != 0
    assert b"Set the SECRET_KEY environment variable" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "y" * 60,
        "ALLOWED_HOSTS": "",
    }
    result = subprocess.run(
        [str(BIN / "python"), "manage.py", "check"], cwd=ROOT, env=env, capture_output=True
    )
    assert result.returncode != 0
    assert b"Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_the_access_log_never_holds_a_private_links_token(production_server):
    """Every kind of private link, as a person (or someone guessing) opens it:
    gunicorn's access log shows the path with the token replaced."""
    from home.private_links import new_token
    from ladder.models.invitations import ANSWER, LEAD, derive_token

    base, tmp = production_server
    interest_token = new_token()[0]
    draft_token = new_token()[0]
    answer_token = derive_token("salt", ANSWER)
    lead_token = derive_token("salt", LEAD)
    paths = [
        f"/opportunities/a-project/interest/status/{interest_token}/",
        f"/opportunities/a-project/interest/status/{interest_token}/withdraw/",
        f"/ladder/self-assessment/a/{draft_token}/",
        f"/ladder/self-assessment/a/{draft_token}/about/",
        f"/ladder/self-assessment/a/{draft_token}/step/1/",
        f"/ladder/self-assessment/a/{draft_token}/check/",
        f"/ladder/self-assessment/a/{draft_token}/result/",
        f"/ladder/self-assessment/i/{answer_token}/",
        f"/ladder/self-assessment/lead/{lead_token}/",
        f"/m/{interest_token}/",  # the neutral link in neutral messages
        f"/m/{lead_token}/",
    ]
    for path in paths:
        fetch(base + path)
    log_path = tmp / "gunicorn.log"
    # gunicorn writes a line just after sending its response: wait for the last one.
    deadline = time.monotonic() + 10
    while log_path.read_text().count("/m/[private]/") < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    log_text = log_path.read_text()
    for token in (interest_token, draft_token, answer_token, lead_token):
        assert token not in log_text
        assert token[:20] not in log_text
    assert "/interest/status/[private]/withdraw/" in log_text
    assert "/ladder/self-assessment/a/[private]/about/" in log_text
    assert "/ladder/self-assessment/lead/[private]/" in log_text
    assert '"GET /m/[private]/ ' in log_text
    assert "/opportunities/a-project/interest/" in log_text  # slugs stay readable
