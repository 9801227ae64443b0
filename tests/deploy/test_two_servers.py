"""Two app servers as one site (docs/scaling.md): two gunicorn instances on
loopback ports against one PostgreSQL database and one Redis, and two task
workers (``db_worker``), as production runs them.

- A person signed in through one server is signed in on the other (sessions
  in the database), and a lockout earned on one holds on the other.
- A page served (and cached in Redis) by one goes at once from both when it
  is unpublished through the other's admin (the page cache is shared).
- An expression of interest sent through one is stored once, and its emails
  go out once although two workers take tasks.

Every process reaches PostgreSQL through psycopg's pool, as in production.

PostgreSQL and Redis only: skipped on SQLite. About 30 s, most of it starting
the five processes.
"""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import requests
from django.db import connection
from django.test import override_settings

from home import form_protection
from home.models import StandardPage
from opportunities.models import ExpressionOfInterest
from tests.conftest import default_home_page, make_user
from tests.deploy.test_gunicorn import free_port
from tests.opportunities.conftest import make_board, make_opportunity
from tests.two_factor import enrol_authenticator, next_code

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SECRET_KEY = "two-servers-" + "k" * 50
HOST = "copro.example.org"
# A Redis database of its own, emptied first, so no other run's keys count.
REDIS_URL = "redis://127.0.0.1:6379/13"


def redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except redis.RedisError:
        return False


pytestmark = [
    pytest.mark.deploy,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two servers share PostgreSQL"),
    pytest.mark.skipif(not redis_answers(), reason="two servers share Redis"),
]


def wait_until(check, what, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}")


def answers(url):
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


@pytest.fixture
def site(tmp_path):
    redis.Redis.from_url(REDIS_URL).flushdb()
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": f"https://{HOST}",
        "DATABASE_URL": (
            f"postgres://{settings['USER']}:{settings.get('PASSWORD') or ''}@"
            f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
        ),
        "REDIS_URL": REDIS_URL,
        # Production's connection pool, one per process.
        "DB_POOL": "true",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "WEB_CONCURRENCY": "1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURITY_CONTACT": "security@copro.example.org",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    python = str(BIN / "python")
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    processes, bases = [], []
    for _ in range(2):
        port = free_port()
        bases.append(f"http://127.0.0.1:{port}")
        processes.append(
            subprocess.Popen(
                [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
                cwd=ROOT,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        processes.append(
            subprocess.Popen(
                [python, "manage.py", "db_worker", "--interval", "0.2"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    try:
        for base in bases:
            wait_until(lambda base=base: answers(base + "/healthz"), f"{base} to start")
        yield bases, tmp_path / "mail"
    finally:
        for process in processes:
            # gunicorn's quick shutdown (SIGTERM would wait for keep-alive clients).
            process.send_signal(signal.SIGINT)
        for process in processes:
            process.wait(timeout=20)


def production_hashing():
    """Passwords hashed as production checks them (the test settings use MD5)."""
    return override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])


def browser():
    session = requests.Session()
    session.headers.update({"Host": HOST, "X-Forwarded-Proto": "https"})
    return session


def csrf_token(session, url):
    page = session.get(url, timeout=10)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def sign_in(session, base, username, password="password"):  # noqa: S107 - make_user's
    token = csrf_token(session, base + "/admin/login/")
    return session.post(
        base + "/admin/login/",
        {"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={"Referer": f"https://{HOST}/admin/login/"},
        timeout=10,
    )


def test_two_servers_share_sessions_lockouts_the_page_cache_and_the_task_queue(
    site, django_user_model
):
    (first, second), mail = site

    # Sessions: signed in (password and code) through the first server...
    with production_hashing():
        moderator = make_user(django_user_model, "morgan", ["Moderators"])
        device = enrol_authenticator(moderator)
    person = browser()
    signed = sign_in(person, first, "morgan")
    assert "/admin/two-step/code/" in signed.url, (
        signed.status_code,
        signed.url,
        signed.text[:300],
    )
    token = csrf_token(person, first + "/admin/two-step/code/")
    verified = person.post(
        first + "/admin/two-step/code/",
        {"csrfmiddlewaretoken": token, "code": next_code(device)},
        headers={"Referer": f"https://{HOST}/admin/two-step/code/"},
        timeout=10,
    )
    assert verified.url.endswith("/admin/"), (
        verified.status_code,
        verified.url,
        verified.text[:300],
    )
    # ...and so on the second.
    assert person.get(second + "/admin/", timeout=10, allow_redirects=False).status_code == 200

    # Lockouts: five wrong passwords through the first, then the right one
    # through the second is refused.
    guesser = browser()
    for _ in range(5):
        sign_in(guesser, first, "riley", password="wrong")
    locked = sign_in(browser(), second, "riley")
    assert locked.status_code == 429 or "locked" in locked.text.lower()

    # The page cache: served and kept by the second, unpublished through the
    # first's admin, gone from both at once.
    page = default_home_page().add_child(instance=StandardPage(title="Shared news"))
    page.save_revision().publish()
    visitor = browser()
    assert visitor.get(second + page.url, timeout=10).status_code == 200
    assert visitor.get(second + page.url, timeout=10).status_code == 200
    unpublish = f"{first}/admin/pages/{page.pk}/unpublish/"
    person.post(
        unpublish,
        {"csrfmiddlewaretoken": csrf_token(person, unpublish)},
        headers={"Referer": f"https://{HOST}/admin/pages/{page.pk}/unpublish/"},
        timeout=10,
    )
    assert visitor.get(second + page.url, timeout=10).status_code == 404
    assert visitor.get(first + page.url, timeout=10).status_code == 404

    # The task queue: a form sent through the second is stored once and its
    # emails (the person's and the team's) sent once, by one of the two workers.
    opportunity = make_opportunity(make_board(default_home_page()))
    form_url = f"{second}{opportunity.url}interest/"
    with override_settings(SECRET_KEY=SECRET_KEY):
        started = form_protection.issue_start_time("opportunities.interest", time.time() - 60)
    sent = visitor.post(
        form_url,
        {
            "csrfmiddlewaretoken": csrf_token(visitor, form_url),
            "name": "Sam Jones",
            "contact_email": "sam@example.org",
            "email_wish": "safe",
            "consent": "on",
            "form_started": started,
            "website_url": "",
        },
        headers={"Referer": f"https://{HOST}{opportunity.url}interest/"},
        timeout=10,
    )
    assert sent.status_code == 200, sent.text[:500]
    assert ExpressionOfInterest.objects.filter(contact_email="sam@example.org").count() == 1

    from django_tasks_db.models import DBTaskResult

    wait_until(
        lambda: (
            DBTaskResult.objects.exists()
            and not DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists()
        ),
        "the workers to finish the tasks",
    )
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    messages = [path.read_text() for path in mail.iterdir()]
    to_sam = [message for message in messages if "To: sam@example.org" in message]
    assert len(to_sam) == 1, messages
