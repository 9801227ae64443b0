"""Publishing or unpublishing an opportunity purges, from the CDN, the
opportunity and every page that shows it. The CDN here is a local HTTP
server that records the PURGE requests it receives."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.opportunities.conftest import make_opportunity

pytestmark = pytest.mark.django_db


class RecordingCache(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingCache)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def purged_paths(cdn):
    return {path for _host, path in cdn.purged}


def test_publishing_purges_the_opportunity_board_feeds_home_and_partner(
    public_site, cdn, django_capture_on_commit_callbacks
):
    partner = public_site["partner"]
    with django_capture_on_commit_callbacks(execute=True):
        opportunity = make_opportunity(
            public_site["board"], title="Peer researcher", partner=partner
        )
    assert purged_paths(cdn) >= {
        opportunity.url,
        "/opportunities/",
        "/opportunities/feed/rss/",
        "/opportunities/feed/atom/",
        "/opportunities/feed/closing-dates/",
        "/",
        partner.url,
    }
    assert {host for host, _path in cdn.purged} == {"testserver"}  # the Site, from SITE_URL

    cdn.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        opportunity.unpublish()
    assert purged_paths(cdn) >= {opportunity.url, "/opportunities/", "/", partner.url}
