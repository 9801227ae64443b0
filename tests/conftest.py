"""Shared fixtures: the site's home page, people in each group, an admin client."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrated state (serialized rollback).

    Such tests end with a flush. A plain flush re-runs post_migrate, which
    recreates content types with new ids, and the next test that restores
    the migrated snapshot then collides with them. Giving every transactional
    test serialized rollback keeps one rule for all of them.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            item.add_marker(
                pytest.mark.django_db(**{**marker.kwargs, "serialized_rollback": True}),
                append=False,
            )


def ensure_home_page():
    """The default site's HomePage, rebuilding the tree if a flush emptied it.

    Migrations make the root page, the HomePage and the default site, but
    tests that use a live server run in flushed transactions, so they start
    from an empty database and need the same starting point.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage(
        title="Home", slug="home", hero_heading="Paid opportunities, led by lived experience"
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def home_page(db):
    return ensure_home_page()


def make_user(django_user_model, username, groups=(), **extra):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="password", **extra
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "editor", ["Editors"])


@pytest.fixture
def moderator(db, django_user_model):
    return make_user(django_user_model, "moderator", ["Moderators"])


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="super", email="super@example.org", password="password"
    )


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
