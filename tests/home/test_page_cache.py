"""Whole public pages are served from the cache to visitors who are not signed
in: the same page for everyone, never anything of one visitor's."""

import pytest
from django.test import Client

from tests.home.page_cache_helpers import HIT, MISS, cache_status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


def test_a_second_visitor_with_a_csrf_cookie_gets_the_page_without_queries(
    public_site, django_assert_num_queries
):
    first = Client().get("/opportunities/")
    assert cache_status(first) == MISS
    assert "Tenant panel member" in first.content.decode()

    second_visitor = Client()
    second_visitor.cookies["csrftoken"] = "a" * 32
    with django_assert_num_queries(0):
        second = second_visitor.get("/opportunities/")
    assert cache_status(second) == HIT
    assert second.content == first.content
    assert not second.cookies  # a cached page sets no cookie
    assert "Set-Cookie" not in second
    # The policy is added to every response, cached or not, and carries no nonce.
    assert "script-src 'self'" in second["Content-Security-Policy"]
    assert "nonce-" not in second["Content-Security-Policy"]


def test_query_strings_in_another_order_share_one_entry(public_site):
    assert cache_status(Client().get("/opportunities/?sort=pay&page=1")) == MISS
    assert cache_status(Client().get("/opportunities/?page=1&sort=pay")) == HIT
    assert cache_status(Client().get("/opportunities/?page=1")) == MISS


def test_the_key_holds_host_and_scheme(public_site):
    assert cache_status(Client().get("/", HTTP_HOST="localhost")) == MISS
    assert cache_status(Client().get("/", HTTP_HOST="127.0.0.1")) == MISS
    assert cache_status(Client().get("/", HTTP_HOST="localhost", secure=True)) == MISS
    assert cache_status(Client().get("/", HTTP_HOST="localhost")) == HIT


def test_cached_pages_say_how_long_a_cdn_may_keep_them_and_answer_conditional_gets(
    public_site,
):
    response = Client().get("/partners/")
    cache_control = response["Cache-Control"]
    assert cache_control.startswith("public, max-age=0, must-revalidate, s-maxage=")
    assert 0 < int(cache_control.rsplit("=", 1)[1]) <= 600
    again = Client().get("/partners/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert Client().get("/partners/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_a_visitor_with_messages_is_served_fresh_and_their_page_is_not_kept(public_site):
    with_messages = Client()
    with_messages.cookies["messages"] = "anything"
    assert cache_status(with_messages.get("/opportunities/")) is None
    assert cache_status(Client().get("/opportunities/")) == MISS


def test_signed_in_editors_always_see_fresh_pages(public_site, editor_client):
    assert cache_status(Client().get("/opportunities/")) == MISS
    response = editor_client.get("/opportunities/")
    assert cache_status(response) is None
    assert "private" in response["Cache-Control"]
    # Their page is their own: the userbar is there, never the visitors' copy.
    assert "wagtail-userbar" in response.content.decode()
    assert "wagtail-userbar" not in Client().get("/opportunities/").content.decode()


def test_malformed_query_strings_get_the_page_but_are_never_kept(public_site):
    for query in ["%ff=%00", "a=1&&=&b", "page=%zz&page=2"]:
        response = Client().get(f"/opportunities/?{query}")
        assert response.status_code == 200, query
        assert cache_status(Client().get(f"/opportunities/?{query}")) is None, query
    # A search is read as typed (an odd word is still a search), so it is kept.
    assert Client().get("/opportunities/?q=caf%C3%A9;x").status_code == 200
    assert cache_status(Client().get("/opportunities/?q=caf%C3%A9;x")) == HIT


def test_made_up_query_strings_never_fill_the_cache(public_site, django_assert_max_num_queries):
    """Anyone can invent endless addresses; only those that show a page exactly as a
    listing reads them are kept, so junk cannot push real pages out."""
    partner = public_site["partner"]
    for made_up in [
        "/opportunities/?x=1",
        "/opportunities/?page=abc",
        "/opportunities/?page=99",  # shows the last page, which is page 1
        "/opportunities/?topic=no-such-topic",
        "/partners/?sector=no-such-sector",
        "/opportunities/feed/rss/?x=1",
        f"{partner.url}?x=1",
        "/?anything=else",
    ]:
        assert Client().get(made_up).status_code == 200, made_up
        assert cache_status(Client().get(made_up)) is None, made_up

    # What a listing reads, as it reads it, is kept.
    for kept in ["/opportunities/?sort=pay", "/opportunities/?page=1", "/partners/?q=riverside"]:
        assert cache_status(Client().get(kept)) == MISS, kept
        assert cache_status(Client().get(kept)) == HIT, kept


def test_campaign_tags_and_blank_filters_share_the_plain_page(public_site):
    assert cache_status(Client().get("/opportunities/")) == MISS
    for same in [
        "/opportunities/?utm_source=radio&utm_campaign=winter",
        "/opportunities/?fbclid=abc123",
        # The filter form sends every field, most of them blank.
        "/opportunities/?q=&topic=&format=&area=&min_pay=",
    ]:
        assert cache_status(Client().get(same)) == HIT, same
    assert cache_status(Client().get("/opportunities/?sort=pay&utm_medium=email")) == MISS
    assert cache_status(Client().get("/opportunities/?sort=pay")) == HIT
