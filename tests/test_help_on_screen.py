"""Help on the screen: every field an editor fills in on our page types, snippets and
settings carries plain-English help text, and choosers offer only what fits."""

import pytest
from django.core.exceptions import FieldDoesNotExist
from wagtail.admin.panels import get_edit_handler
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from opportunities.models import OpportunityPage
from partners.models import PartnerPage

OUR_APPS = {"home", "partners", "ladder", "opportunities"}

# Wagtail's own fields, explained by Wagtail's own screens.
WAGTAIL_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus"}
WAGTAIL_FIELDS |= {"go_live_at", "expire_at"}  # the "Schedule publishing" dialog explains them
# Models no group may edit: their fields are only read (inspect views), never filled in.
READ_ONLY_MODELS = {
    "ladder.Publication",  # requests come from the lead contact's link; moderators decide
    "ladder.SelfAssessment",  # results come from the journey
}


def edited_models():
    pages = [m for m in get_page_models() if m._meta.app_label in OUR_APPS]
    snippets = [m for m in get_snippet_models() if m._meta.app_label in OUR_APPS]
    settings = [m for m in settings_registry if m._meta.app_label in OUR_APPS]
    return pages + snippets + settings


def edit_handler(model):
    if issubclass(model, Page):
        return model.get_edit_handler()
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is not None:
        return viewset.get_edit_handler()
    return get_edit_handler(model)


def fields_on_screen(model):
    """(model, field name) for each model field in the edit form, inline children too."""
    options = edit_handler(model).get_form_options()
    found = [(model, name) for name in options.get("fields", [])]
    for relation, child in options.get("formsets", {}).items():
        child_model = model._meta.get_field(relation).related_model
        if child_model._meta.app_label not in OUR_APPS:
            continue  # Wagtail's own (comments)
        found += [(child_model, name) for name in child.get("fields", [])]
    return found


@pytest.mark.parametrize("model", edited_models(), ids=lambda m: m._meta.label)
def test_every_field_has_help_text(model):
    if model._meta.label in READ_ONLY_MODELS:
        pytest.skip("nobody in a group edits these; see READ_ONLY_MODELS")
    missing = []
    for owner, name in fields_on_screen(model):
        if name in WAGTAIL_FIELDS:
            continue
        try:
            field = owner._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # a form-only field, explained by its form
        if not str(getattr(field, "help_text", "")).strip():
            missing.append(f"{owner._meta.label}.{name}")
    assert not missing, f"Fields with no help text: {missing}"


def test_the_walk_sees_every_kind_of_model():
    labels = {m._meta.label for m in edited_models()}
    assert {
        "home.StandardPage",
        "opportunities.OpportunityPage",
        "partners.PartnerPage",
        "home.Topic",
        "opportunities.BenefitRule",
        "ladder.Rung",
        "home.SiteSettings",
        "home.NavigationSettings",
    } <= labels
    assert ("home.SiteSettings", "retention_days") in {
        (owner._meta.label, name)
        for owner, name in fields_on_screen(
            next(m for m in edited_models() if m._meta.label == "home.SiteSettings")
        )
    }


def test_an_opportunitys_partner_chooser_offers_only_partner_pages():
    form_class = OpportunityPage.get_edit_handler().get_form_class()
    widget = form_class.base_fields["partner"].widget
    assert widget.target_models == [PartnerPage]


@pytest.mark.django_db
def test_wagtails_content_checker_is_in_the_userbar_for_editors_only(client, editor, home_page):
    assert "checker-axe-configuration" not in client.get(home_page.url).content.decode()
    client.force_login(editor)
    html = client.get(home_page.url).content.decode()
    assert 'id="checker-trigger"' in html
    assert "checker-axe-configuration" in html
