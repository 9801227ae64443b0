"""Wagtail's "Moderators approval" workflow covers opportunities and partner pages
on every install: the database here is built by migrations alone (no demo content),
as on a fresh install. An Editor submits through the admin; a Moderator approves
through the admin; only then is the page live."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowPage

from home.models import AccessSupport, Area, Sector, Topic
from ladder.models import Rung
from opportunities.models import OpportunityPage
from partners.models import PartnerIndexPage, PartnerPage
from tests.conftest import make_user
from tests.opportunities.conftest import make_board
from tests.opportunities.test_pages_and_admin import opportunity_form
from tests.partners.conftest import make_logo
from tests.partners.test_admin import partner_form

pytestmark = pytest.mark.django_db

WORKFLOW = "Moderators approval"


def submit(data):
    data.pop("action-publish")
    data["action-submit"] = "submit"
    return data


def test_the_workflow_is_attached_to_the_root_by_migrations():
    """Wagtail's migration 0048 attaches it to the root page, so every page inherits it."""
    attached = WorkflowPage.objects.get(page=Page.get_first_root_node())
    assert attached.workflow.name == WORKFLOW
    assert attached.workflow.active
    assert [task.name for task in attached.workflow.tasks.all()] == [WORKFLOW]
    assert [group.name for group in attached.workflow.tasks.get().specific.groups.all()] == [
        "Moderators"
    ]


@pytest.fixture
def opportunity_data(home_page):
    board = make_board(home_page)
    partners = PartnerIndexPage(title="Partners", slug="partners")
    home_page.add_child(instance=partners)
    partners.save_revision().publish()
    taxonomy = {
        "topic": Topic.objects.create(name="Housing"),
        "area": Area.objects.create(name="Greater Manchester"),
        "bsl": AccessSupport.objects.create(name="BSL interpreter"),
        "step_free": AccessSupport.objects.create(name="Step-free venue"),
        "rung": Rung.objects.create(level=1, name="Consulted", short_description="Asked."),
    }
    return {
        "opportunity": (
            reverse("wagtailadmin_pages:add", args=("opportunities", "opportunitypage", board.pk)),
            submit(opportunity_form(taxonomy)),
            OpportunityPage,
            "tenant-panel",
        ),
        "partner": (
            reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", partners.pk)),
            submit(
                partner_form(
                    "Castlebrook Council",
                    "castlebrook",
                    logo=make_logo("Castlebrook logo"),
                    sector=Sector.objects.create(name="Housing", slug="housing"),
                    areas=[taxonomy["area"]],
                )
            ),
            PartnerPage,
            "castlebrook",
        ),
    }


@pytest.mark.parametrize("kind", ["opportunity", "partner"])
def test_an_editors_new_page_waits_for_a_moderator(
    client, django_user_model, opportunity_data, kind
):
    url, data, model, slug = opportunity_data[kind]
    editor = make_user(django_user_model, "edith", ["Editors"])
    moderator = make_user(django_user_model, "mo", ["Moderators"])

    client.force_login(editor)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = model.objects.get(slug=slug)
    assert not page.live
    state = page.current_workflow_state
    assert state.workflow.name == WORKFLOW
    assert state.status == "in_progress"
    assert state.current_task_state.task.name == WORKFLOW
    assert client.get(page.url).status_code == 404

    # The Editor cannot approve their own page.
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    client.post(approve, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    # The Moderator sees it waiting on the dashboard, then approves it.
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard
    assert page.title in dashboard
    response = client.post(approve, {"comment": "Looks right."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == "approved"
    assert client.get(page.url).status_code == 200
