"""`load_demo_content` builds the site, and running it twice changes nothing."""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision


def snapshot():
    counts = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "django_tasks_db", "wagtailsearch"}:
            continue
        counts[model._meta.label] = model.objects.count()
    return counts


@pytest.mark.django_db
def test_demo_content_builds_the_page_tree_and_is_idempotent(settings, demo_site):
    settings.DEBUG = False
    # The demo site was made by load_demo_content: ``first`` is after its first run.
    first = snapshot()
    call_command("load_demo_content", stdout=StringIO())

    assert snapshot() == first
    live_paths = set(Page.objects.live().values_list("url_path", flat=True))
    for path in [
        "/home/",
        "/home/about/",
        "/home/about/principles/",
        "/home/about/privacy/",
        "/home/about/accessibility/",
        "/home/about/paying-people/",
    ]:
        assert path in live_paths
    assert Revision.objects.count() == first["wagtailcore.Revision"]


@pytest.mark.django_db
def test_demo_admin_only_in_development(settings, demo_site):
    settings.DEBUG = False
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    assert not get_user_model().objects.filter(username="admin").exists()
    assert "Demo admin" not in out.getvalue()

    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert "password 'copro-demo'" in out.getvalue()
    # On the address served (SITE_URL; `make run PORT=...` sets it), not a fixed port.
    settings.SITE_URL = "http://127.0.0.1:8103"
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    assert "Demo admin: http://127.0.0.1:8103/admin/" in out.getvalue()


@pytest.mark.django_db
def test_demo_home_page_and_menu_render(client, settings, demo_site):
    settings.DEBUG = False
    html = client.get("/").content.decode()
    assert "Get paid to change the services you know best" in html
    assert 'href="/about/">About us</a>' in html
    assert 'href="/about/privacy/">Privacy notice</a>' in html


@pytest.mark.django_db
def test_every_page_in_the_sitemap_is_linked_from_another_page(client, settings, demo_site):
    settings.DEBUG = False
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert "/about/principles/" in paths
    linked = set()
    for path in paths:
        html = client.get(path).content.decode()
        linked.update(
            urlsplit(href).path for href in re.findall(r'href="([^"]+)"', html) if href != path
        )
    assert [path for path in paths if path != "/" and path not in linked] == []
