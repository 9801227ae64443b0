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
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "SINGLE_PROCESS": "true",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    python = str(BIN / "python")
    for command in (["collectstatic", "--noinput", "-v0"], ["migrate", "--noinput", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
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
        pytest.fail("gunicorn did not start:\n" + server.stdout.read().decode())
    yield base, tmp
    server.terminate()
    server.wait(timeout=10)


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
