"""Keyword search on the board and in the directory: synonyms editors keep,
best match first, a fixed number of queries, and search with every filter
and sort giving what filtering the same data by hand gives."""

import html
import os
import random
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.models import AccessSupport, Area, SearchSynonym, Topic
from ladder.models import Rung
from opportunities.choices import CLOSING_SOON_DAYS, FORMATS_FOR_EVERY_AREA, Format
from opportunities.models import OpportunityPage
from partners.models import PartnerIndexPage, PartnerPage
from tests.opportunities.conftest import make_opportunity

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


def listed(client, url):
    return titles_on(client.get(url))


def titles_on(response):
    assert response.status_code == 200
    text = response.content.decode()
    return [
        html.unescape(title)
        for title in re.findall(r'class="card__title[^"]*"><a href="[^"]+">([^<]+)</a>', text)
    ]


def shown_count(response):
    """The count in the board's results heading ("3 open opportunities found")."""
    text = response.content.decode()
    return int(re.search(r'class="opportunity-results__count"[^>]*>\s*(\d+)', text).group(1))


# Synonyms ---------------------------------------------------------------------------


def test_an_editor_adds_a_synonym_and_the_board_finds_pages_by_it(editor_client, board, taxonomy):
    make_opportunity(board, title="Clinic waiting rooms", access_support=[taxonomy["bsl"]])
    make_opportunity(board, title="Bus routes review")
    public = Client()
    assert listed(public, f"{board.url}?q=deaf") == []

    response = editor_client.post(
        reverse("wagtailsnippets_home_searchsynonym:add"),
        {"term": "Deaf", "alternatives": "BSL interpreter\nhearing loop"},
    )
    assert response.status_code == 302
    assert listed(public, f"{board.url}?q=deaf") == ["Clinic waiting rooms"]
    # The seeded examples are there for editors to change.
    assert SearchSynonym.objects.filter(term="wheelchair", alternatives="step-free").exists()


def test_a_synonym_needs_something_to_find_and_a_term_only_once(editor_client):
    url = reverse("wagtailsnippets_home_searchsynonym:add")
    response = editor_client.post(url, {"term": "  ", "alternatives": "\n  \n"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "This field is required." in text or "Enter a word or phrase" in text

    response = editor_client.post(url, {"term": "Buggy", "alternatives": " \n"})
    text = response.content.decode()
    assert "Enter at least one word or phrase to find as well." in text
    assert 'value="Buggy"' in text  # what was typed is kept

    response = editor_client.post(url, {"term": "WHEELCHAIR", "alternatives": "ramp"})
    assert "There is already a synonym for this word." in response.content.decode()
    assert not SearchSynonym.objects.filter(term__in=["Buggy", "WHEELCHAIR"]).exists()


def test_every_word_or_one_of_its_synonyms_must_match(client, board, taxonomy):
    step_free = taxonomy["step_free"]
    make_opportunity(board, title="Housing forum", summary="Talk about housing.",
                     access_support=[step_free])  # fmt: skip
    make_opportunity(board, title="Art group", summary="Paint together.",
                     access_support=[step_free])  # fmt: skip
    make_opportunity(board, title="Housing survey", summary="Answer questions about housing.")
    assert sorted(listed(client, f"{board.url}?q=wheelchair")) == ["Art group", "Housing forum"]
    assert listed(client, f"{board.url}?q=wheelchair+housing") == ["Housing forum"]
    assert sorted(listed(client, f"{board.url}?q=housing")) == ["Housing forum", "Housing survey"]


# Order and queries --------------------------------------------------------------------


def test_best_match_comes_first_unless_a_sort_is_chosen(client, board):
    now = timezone.now()
    make_opportunity(board, title="Ward visits", summary="Visit the allotment once.",
                     lived_experience_sought="Anyone.", closes_at=now + timedelta(days=3))  # fmt: skip
    make_opportunity(board, title="Allotment plan", summary="Plan the new allotment site.",
                     closes_at=now + timedelta(days=20))  # fmt: skip

    assert listed(client, f"{board.url}?q=allotment") == ["Allotment plan", "Ward visits"]
    assert listed(client, f"{board.url}?q=allotment&sort=closing") == [
        "Ward visits",
        "Allotment plan",
    ]
    text = client.get(f"{board.url}?q=allotment").content.decode()
    assert '<option value="best">Best match</option>' in text
    # Without keywords there is nothing to match best, so no such choice.
    assert 'value="best"' not in client.get(board.url).content.decode()


def test_a_search_takes_the_same_number_of_queries_however_many_match(
    client, board, taxonomy, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            make_opportunity(board, summary="Review housing repairs.", topics=[taxonomy["topic"]],
                             access_support=[taxonomy["bsl"]])  # fmt: skip

    add(2)
    url = f"{board.url}?q=housing+repairs&access=bsl-interpreter"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert len(listed(client, url)) == 2
    add(13)
    with django_assert_max_num_queries(len(few)):
        assert len(listed(client, url)) == 12  # a full first page of 15
    # Best match and the synonyms read add one query to the plain listing
    # (two on PostgreSQL: does anything match exactly?).
    with CaptureQueriesContext(connection) as plain:
        client.get(board.url)
    assert len(few) - len(plain) == (2 if connection.vendor == "postgresql" else 1)


# The directory ---------------------------------------------------------------------------


@pytest.fixture
def directory(home_page):
    index = PartnerIndexPage(title="Partners", slug="partners")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    for title, summary in [
        ("Riverside Housing", "Homes with step-free access in every block."),
        ("Castlebrook Council", "The council for Castlebrook."),
        ("Northfield Arts", "Music and painting for everyone."),
    ]:
        partner = PartnerPage(title=title, slug=title.lower().replace(" ", "-"), summary=summary)
        index.add_child(instance=partner)
        partner.save_revision().publish()
    return index


def test_the_directory_uses_the_same_search(client, directory):
    assert listed(client, "/partners/?q=wheelchair") == ["Riverside Housing"]
    assert listed(client, "/partners/?q=north") == ["Northfield Arts"]  # part of a name
    text = client.get("/partners/?q=castlebrok").content.decode()
    if connection.vendor == "postgresql":
        assert "close matches" in text
        assert listed(client, "/partners/?q=castlebrok") == ["Castlebrook Council"]
    else:
        assert 'Did you mean <a href="?q=Castlebrook">Castlebrook</a>?' in text


# Search with every filter and sort is filtering by hand -------------------------------

EXAMPLES = int(os.environ.get("SEARCH_EXAMPLES", "30"))
# Words that mean one thing however the backend stems them, and the seeded
# synonym "wheelchair" (for "step-free", an access support's name).
VOCABULARY = ["housing", "damp", "garden", "music", "advice"]
SEARCHES = ["", "housing", "damp garden", "music", "advice housing", "wheelchair",
            "wheelchair music", "step free"]  # fmt: skip
SORTS = [None, "closing", "newest", "pay", "best"]


@pytest.fixture
def generated_board(board, home_page):
    """Twelve opportunities (one page of the board) made from a fixed seed: words,
    topics, format, area, access support, partner, rung, pay, closing date,
    places filled and an outcome, each chosen at random."""
    rng = random.Random(16)
    now = timezone.now()
    topics = [Topic.objects.create(name=name) for name in ("Tenancy", "Wellbeing")]
    areas = [Area.objects.create(name=name) for name in ("Lancashire", "Merseyside")]
    support = [
        AccessSupport.objects.create(name=name) for name in ("Step-free venue", "Quiet room")
    ]
    rungs = [
        Rung.objects.create(
            level=level, name=f"Rung {level}", short_description="A rung.", band="participation"
        )  # fmt: skip
        for level in (41, 42, 43)
    ]
    index = PartnerIndexPage(title="Partners", slug="partners")
    home_page.add_child(instance=index)
    partners = []
    for name in ("Alder Trust", "Birch Council"):
        partner = PartnerPage(title=name, slug=name.lower().replace(" ", "-"), summary="A partner.")
        index.add_child(instance=partner)
        partners.append(partner)
    for number in range(12):
        # Every word is somewhere, so no search falls back to close matches.
        words = [VOCABULARY[number % len(VOCABULARY)], *rng.sample(VOCABULARY, rng.randint(0, 2))]
        hourly = rng.choice([True, True, False])
        make_opportunity(
            board,
            title=f"Opportunity {number}",
            summary=f"About {' and '.join(words)}.",
            topics=rng.sample(topics, rng.randint(0, 2)),
            access_support=rng.sample(support, rng.randint(0, 2)),
            format=rng.choice(Format.values),
            area=rng.choice([None, *areas]),
            partner=rng.choice([None, *partners]),
            rung=rng.choice([None, *rungs]),
            pay_amount=Decimal(rng.choice(["12.00", "15.00", "21.00"])),
            pay_unit="hour" if hourly else "session",
            hours_per_session=Decimal("2") if hourly else None,
            closes_at=now + timedelta(days=rng.choice([-20, -1, 2, 5, 40])),
            places_filled=rng.random() < 0.2,
            outcome="<p>The forms changed.</p>" if rng.random() < 0.3 else "",
        )
    return {"topics": topics, "areas": areas, "support": support, "rungs": rungs,
            "partners": partners}  # fmt: skip


def searchable_words(page):
    """The words the index holds for ``page``, as a person would read them."""
    texts = [page.title, page.summary, page.lived_experience_sought, page.venue_name, page.venue_town,
             *(topic.name for topic in page.topics.all()),
             *(support.name for support in page.access_support.all()),
             page.area.name if page.area else "", page.partner.title if page.partner else "",
             page.benefits_named()]  # fmt: skip
    return {word.lower() for text in texts for word in re.findall(r"\w+", text)}


def matches_words(page, search):
    words = searchable_words(page)
    for word in search.split():
        if word == "wheelchair":
            if not ({"wheelchair"} <= words or {"step", "free"} <= words):
                return False
        elif word not in words:
            return False
    return True


def filtered_by_hand(params):
    """What the board should list for ``params``, worked out in Python."""
    now = timezone.now()
    pages = list(OpportunityPage.objects.live().select_related("area", "partner", "rung"))
    kept = []
    for page in pages:
        if params.get("q") and not matches_words(page, params["q"]):
            continue
        if params.get("what_changed"):
            if not (page.has_outcome and page.closes_at <= now):
                continue
        elif not params.get("show_closed") and page.closes_at <= now:
            continue
        if params.get("closing_soon") and not (
            now < page.closes_at <= now + timedelta(days=CLOSING_SOON_DAYS)
        ):
            continue
        if params.get("topic") and params["topic"] not in {t.slug for t in page.topics.all()}:
            continue
        if params.get("format") and page.format != params["format"]:
            continue
        if params.get("area") and not (
            (page.area and page.area.slug == params["area"])
            or page.format in FORMATS_FOR_EVERY_AREA
        ):
            continue
        if not set(params.get("access", [])) <= {s.slug for s in page.access_support.all()}:
            continue
        if params.get("min_pay") and (
            page.hourly_pay_pence is None or page.hourly_pay_pence < int(params["min_pay"]) * 100
        ):
            continue
        if params.get("partner") and not (page.partner and page.partner.slug == params["partner"]):
            continue
        if params.get("rung") and not (page.rung and page.rung.level >= int(params["rung"])):
            continue
        kept.append(page)

    def unavailable(page):
        return page.closes_at <= now or page.places_filled

    sort = params.get("sort") or ("best" if params.get("q") else "closing")
    if sort == "newest":
        kept.sort(
            key=lambda page: (unavailable(page), -page.first_published_at.timestamp(), page.pk)
        )
    elif sort == "pay":
        kept.sort(key=lambda page: (unavailable(page), -(page.hourly_pay_pence or -1),
                                    page.closes_at, page.pk))  # fmt: skip
    else:
        kept.sort(key=lambda page: (unavailable(page), page.closes_at, page.pk))
    return sort, [(page.title, unavailable(page)) for page in kept]


def board_params(data):
    return st.fixed_dictionaries(
        {},
        optional={
            "q": st.sampled_from(SEARCHES),
            "topic": st.sampled_from([topic.slug for topic in data["topics"]]),
            "format": st.sampled_from(Format.values),
            "area": st.sampled_from([area.slug for area in data["areas"]]),
            "access": st.lists(st.sampled_from([s.slug for s in data["support"]]), unique=True),
            "min_pay": st.sampled_from(["13", "20"]),
            "partner": st.sampled_from([partner.slug for partner in data["partners"]]),
            "rung": st.sampled_from([str(rung.level) for rung in data["rungs"][1:]]),
            "closing_soon": st.just("on"),
            "show_closed": st.just("on"),
            "what_changed": st.just("on"),
            "sort": st.sampled_from([sort for sort in SORTS if sort]),
        },
    )


def test_search_with_every_filter_and_sort_is_filtering_by_hand(client, board, generated_board):
    found_some = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
    @given(board_params(generated_board))
    def check(params):
        if params.get("sort") == "best" and not params.get("q"):
            params.pop("sort")  # only offered with keywords
        pairs = [(key, item) for key, value in params.items()
                 for item in (value if isinstance(value, list) else [value])]  # fmt: skip
        query = "&".join(f"{key}={value.replace(' ', '+')}" for key, value in pairs)
        sort, expected = filtered_by_hand(params)
        titles = listed(client, f"{board.url}?{query}")
        found_some.append(bool(expected))
        if sort == "best":
            # Best match orders by the backend's score: the same ones, and
            # those people can still join first.
            assert sorted(titles) == sorted(title for title, _ in expected), query
            unavailable = {title for title, closed in expected if closed}
            flags = [title in unavailable for title in titles]
            assert flags == sorted(flags), query
        else:
            assert titles == [title for title, _ in expected], query

    check()
    # Not a test of empty pages: many of the generated views list something.
    print(f"{sum(found_some)} of {len(found_some)} views listed something")
    assert sum(found_some) >= len(found_some) // 3


def test_the_count_is_what_is_listed_with_every_filter_and_sort(client, board, generated_board):
    """The count is a query of its own (without a search's scores, which only
    the order needs): it counts the same opportunities the board lists (all
    twelve fit on one page)."""

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
    @given(board_params(generated_board))
    def check(params):
        if params.get("sort") == "best" and not params.get("q"):
            params.pop("sort")
        pairs = [(key, item) for key, value in params.items()
                 for item in (value if isinstance(value, list) else [value])]  # fmt: skip
        query = "&".join(f"{key}={value.replace(' ', '+')}" for key, value in pairs)
        response = client.get(f"{board.url}?{query}")
        _, expected = filtered_by_hand(params)
        assert shown_count(response) == len(titles_on(response)) == len(expected), query

    check()
