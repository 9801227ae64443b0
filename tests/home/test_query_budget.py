"""Public pages run a fixed number of queries, however many menu links,
footer links and child pages there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import NavigationSettings, StandardPage


def build(home_page, count):
    about = StandardPage(title="About", slug="about")
    home_page.add_child(instance=about)
    about.save_revision().publish()
    pages = []
    for number in range(count):
        page = StandardPage(title=f"Page {number}", slug=f"page-{number}")
        about.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    navigation = NavigationSettings.load()
    links = [("link", {"label": p.title, "page": p, "url": ""}) for p in pages]
    navigation.main_menu = links
    navigation.footer_links = links
    navigation.save()


def queries_for(client, path):
    client.get(path)  # first request fills per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/about/", "/about/page-0/"])
def test_same_queries_with_3_and_12_menu_links(client, home_page, path):
    build(home_page, 3)
    few = queries_for(client, path)
    for number in range(3, 12):
        page = StandardPage(title=f"Page {number}", slug=f"page-{number}")
        StandardPage.objects.get(slug="about").add_child(instance=page)
        page.save_revision().publish()
    navigation = NavigationSettings.load()
    links = [
        ("link", {"label": p.title, "page": p, "url": ""})
        for p in StandardPage.objects.filter(slug__startswith="page-")
    ]
    navigation.main_menu = links
    navigation.footer_links = links
    navigation.save()
    many = queries_for(client, path)
    assert few == many
    assert many <= 14
