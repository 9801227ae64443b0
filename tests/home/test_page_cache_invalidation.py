"""Whatever an editor publishes, unpublishes, moves, deletes or changes shows at
once on every cached page that shows it; no page is kept past a closing time."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from home.models import SiteSettings, Topic
from tests.home.page_cache_helpers import HIT, MISS, cache_status
from tests.opportunities.conftest import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Each test runs in a transaction that never commits; the cache is emptied
    after a commit, so run what would run then."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


PAGES_THAT_SHOW_OPPORTUNITIES = [
    "/",
    "/opportunities/",
    "/opportunities/feed/rss/",
    "/opportunities/feed/atom/",
    "/opportunities/feed/closing-dates/",
]


def pages_showing(site):
    return [*PAGES_THAT_SHOW_OPPORTUNITIES, site["partner"].url]


def warm(paths):
    for path in paths:
        assert Client().get(path).status_code == 200
        assert cache_status(Client().get(path)) == HIT, path


def shown_on(path, words):
    return words in Client().get(path).content.decode()


def test_publishing_and_unpublishing_show_at_once_everywhere(public_site, committed):
    paths = pages_showing(public_site)
    warm(paths)
    with committed():
        new = make_opportunity(
            public_site["board"], title="Peer researcher", partner=public_site["partner"]
        )
    for path in paths:
        assert shown_on(path, "Peer researcher"), path
    warm(paths)
    with committed():
        new.unpublish()
    for path in paths:
        assert not shown_on(path, "Peer researcher"), path


def test_a_new_closing_time_shows_at_once(public_site, committed):
    paths = pages_showing(public_site)
    warm(paths)
    opportunity = public_site["opportunity"]
    closed_at = timezone.now() - timedelta(days=1)
    opportunity.closes_at = closed_at
    with committed():
        opportunity.save_revision().publish()
    assert not shown_on("/opportunities/", "Tenant panel member")
    assert "has closed" in Client().get(opportunity.url).content.decode()
    feed = Client().get("/opportunities/feed/closing-dates/").content.decode()
    assert closed_at.strftime("%Y%m%d") in feed or "Tenant panel member" not in feed


def test_no_page_is_kept_past_the_soonest_closing_time(public_site):
    make_opportunity(
        public_site["board"],
        title="Closing in two minutes",
        closes_at=timezone.now() + timedelta(minutes=2),
    )
    for path in ["/opportunities/", "/"]:
        response = Client().get(path)
        assert cache_status(response) == MISS
        assert int(response["Cache-Control"].rsplit("s-maxage=", 1)[1]) <= 120


def test_moving_and_deleting_a_page_show_at_once(public_site, home_page, committed):
    opportunity = public_site["opportunity"]
    warm(["/opportunities/", opportunity.url])
    with committed():
        opportunity.move(public_site["partner"].get_parent(), pos="last-child")
    assert not shown_on("/opportunities/", "Tenant panel member")
    opportunity.refresh_from_db()
    moved_to = opportunity.url
    warm([moved_to])
    with committed():
        opportunity.delete()
    assert Client().get(moved_to).status_code == 404


def test_settings_and_snippet_changes_show_at_once(public_site, committed):
    topic = Topic.objects.create(name="Housing", slug="housing")
    warm(["/", "/opportunities/"])
    settings = SiteSettings.load()
    settings.organisation_name = "Renamed Network"
    with committed():
        settings.save()
    assert shown_on("/", "Renamed Network")
    warm(["/opportunities/"])
    topic.name = "Homes and housing"
    with committed():
        topic.save()
    assert shown_on("/opportunities/", "Homes and housing")


def test_records_no_public_page_shows_leave_the_cache_alone(public_site, committed):
    from ladder.models import SelfAssessment
    from tests.ladder.factories import publish_questionnaire, theme_data

    warm(["/opportunities/"])
    version = publish_questionnaire(themes=[theme_data("Decisions", [])]).latest_version()
    warm(["/opportunities/"])  # publishing the questionnaire did empty it
    with committed():
        SelfAssessment.start(version)
    assert cache_status(Client().get("/opportunities/")) == HIT
