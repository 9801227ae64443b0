"""What a visitor sees, and what bad input gets."""

import pytest
from django.test import Client
from wagtail.models import Site

from home.models import NavigationSettings, SiteSettings, StandardPage


@pytest.fixture
def about_page(home_page):
    page = StandardPage(title="About us", slug="about", introduction="Who we are.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_home_page_shows_site_name_navigation_and_footer(client, home_page, about_page):
    settings = SiteSettings.load()
    settings.organisation_name = "Co-pro Test Org"
    settings.contact_phone = "0161 496 0000"
    settings.save()
    navigation = NavigationSettings.load()
    navigation.main_menu = [("link", {"label": "About us", "page": about_page, "url": ""})]
    navigation.save()

    html = client.get("/").content.decode()

    assert '<a class="skip-link" href="#main-content">Skip to main content</a>' in html
    assert "Co-pro Test Org" in html
    assert '<nav class="main-nav" aria-label="Main">' in html
    assert 'href="/about/">About us</a>' in html
    assert 'href="tel:01614960000"' in html
    assert '<main id="main-content"' in html


@pytest.mark.django_db
def test_current_page_is_marked_in_navigation(client, home_page, about_page):
    navigation = NavigationSettings.load()
    navigation.main_menu = [("link", {"label": "About us", "page": about_page, "url": ""})]
    navigation.save()

    html = client.get("/about/").content.decode()

    assert 'href="/about/" aria-current="page">About us</a>' in html


@pytest.mark.django_db
def test_standard_page_renders_with_breadcrumbs(client, about_page):
    html = client.get("/about/").content.decode()
    assert "<h1>About us</h1>" in html
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/?page=abc",
        "/?page=-1&sort=%00",
        "/about/?page=99999999999999999999",
        "/about/?q=%ff%fe",
        "/?a[]=1&a[]=2",
    ],
)
def test_malformed_query_strings_never_give_a_server_error(client, about_page, url):
    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/no-such-page/", "/about/missing/", "/%E2%82/", "/admin-x/"])
def test_unknown_urls_give_the_friendly_404(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_expired_csrf_token_gives_the_friendly_page(home_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/", {"name": "A person"}, HTTP_REFERER="http://testserver/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, your form timed out" in html
    assert "Nothing you sent has been saved" in html


@pytest.mark.django_db
def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_load_balancers_calling_by_internal_address(client):
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200


@pytest.mark.django_db
def test_healthz_says_503_when_the_database_fails(client, monkeypatch):
    from django.db import DatabaseError

    import home.health

    class BrokenConnection:
        def cursor(self):
            raise DatabaseError("down")

    monkeypatch.setattr(home.health, "connection", BrokenConnection())
    assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_default_site_serves_the_home_page_after_migrate():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
