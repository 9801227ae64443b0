"""Rungs have drafts: a change waits for a Ladder manager to publish it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from ladder.models import Rung
from tests.conftest import make_user
from tests.ladder.test_questionnaire_admin import form, option, question, theme
from tests.ladder.test_rungs_admin import rung_form

pytestmark = pytest.mark.django_db


def edit_url(rung):
    return reverse("wagtailsnippets_ladder_rung:edit", args=(rung.pk,))


def rename_as_draft(client, rung, name):
    return client.post(
        edit_url(rung), rung_form(level=str(rung.level), name=name, colour=rung.colour)
    )


def test_a_rung_renamed_as_a_draft_changes_no_public_page_until_published(
    manager_client, client, ladder_page, rungs
):
    rung = rungs[3]
    response = rename_as_draft(manager_client, rung, "Asked and heard")
    assert response.status_code == 302

    page = client.get(ladder_page.url).content.decode()
    assert "Rung 4: Rung 4" in page
    assert "Asked and heard" not in page
    board_choices = [name for _, name in Rung.objects.live().values_list("level", "name")]
    assert "Asked and heard" not in board_choices

    data = rung_form(level="4", name="Asked and heard", colour=rung.colour)
    data["action-publish"] = "action-publish"
    assert manager_client.post(edit_url(rung), data).status_code == 302
    page = client.get(ladder_page.url).content.decode()
    assert "Rung 4: Asked and heard" in page


def test_the_preview_shows_the_draft_on_the_ladder_and_on_a_sample_result(manager_client, rungs):
    rung = rungs[3]
    preview = reverse("wagtailsnippets_ladder_rung:preview_on_edit", args=(rung.pk,))
    data = rung_form(level="4", name="Asked and heard", colour=rung.colour)
    checked = manager_client.post(preview, data)
    assert checked.json()["is_valid"] is True

    ladder = manager_client.get(preview).content.decode()
    assert "Rung 4: Asked and heard" in ladder
    assert "The rung you are editing" in ladder
    assert "Rung 5: Rung 5" in ladder  # the rest of the published ladder

    result = manager_client.get(preview, {"mode": "result"}).content.decode()
    assert "A sample self-assessment result" in result
    assert "Rung 4: <strong>Asked and heard</strong>" in result
    assert "A theme one rung higher" in result


def test_its_history_lists_the_draft_and_the_publication(manager_client, rungs):
    rung = rungs[3]
    rename_as_draft(manager_client, rung, "Asked and heard")
    data = rung_form(level="4", name="Asked and heard", colour=rung.colour)
    data["action-publish"] = "action-publish"
    manager_client.post(edit_url(rung), data)

    history = manager_client.get(reverse("wagtailsnippets_ladder_rung:history", args=(rung.pk,)))
    text = history.content.decode()
    assert "Edited" in text  # the draft
    assert "Published" in text
    assert "Renamed from &#x27;4. Rung 4&#x27; to &#x27;4. Asked and heard&#x27;" in text
    assert rung.revisions.count() == 2


def test_a_rung_never_published_is_not_on_the_ladder_nor_offered_in_choosers(
    manager_client, client, ladder_page, rungs
):
    response = manager_client.post(reverse("wagtailsnippets_ladder_rung:add"), rung_form())
    assert response.status_code == 302
    draft = Rung.objects.get(name="Community-led")
    assert draft.live is False

    assert "Community-led" not in client.get(ladder_page.url).content.decode()
    chooser = manager_client.get(reverse("wagtailsnippetchoosers_ladder_rung:choose"))
    assert "Rung 8" in chooser.content.decode()
    assert "Community-led" not in chooser.content.decode()


def test_a_questionnaire_answer_cannot_be_matched_to_a_draft_rung(
    manager_client, questionnaire, rungs
):
    manager_client.post(reverse("wagtailsnippets_ladder_rung:add"), rung_form())
    draft = Rung.objects.get(name="Community-led")
    edit = reverse("wagtailsnippets_ladder_questionnaire:edit", args=(questionnaire.pk,))
    answers = [option("We follow the community", draft), option("We decide", rungs[0])]
    response = manager_client.post(
        edit, form("Self-assessment", [theme("Power", [question("Who leads?", answers)])])
    )
    assert response.status_code == 200
    assert "is not published yet" in response.content.decode()
    assert questionnaire.latest_version().rung_ids().isdisjoint({draft.pk})


def test_only_those_allowed_to_publish_rungs_can_publish_one(client, django_user_model, rungs):
    assert (
        Group.objects.get(name="Ladder managers")
        .permissions.filter(codename="publish_rung")
        .exists()
    )
    writers = Group.objects.create(name="Rung writers")
    writers.permissions.add(
        *Permission.objects.filter(codename__in=["change_rung", "view_rung"]),
        Permission.objects.get(codename="access_admin"),
    )
    client.force_login(make_user(django_user_model, "writer", ["Rung writers"]))
    rung = rungs[0]
    data = rung_form(level="1", name="Renamed", colour=rung.colour)
    data["action-publish"] = "action-publish"
    client.post(edit_url(rung), data)
    rung.refresh_from_db()
    assert rung.name == "Rung 1"


def test_a_rung_in_use_cannot_be_unpublished(
    manager_client, client, ladder_page, questionnaire, rungs
):
    rung = rungs[2]
    response = manager_client.post(
        reverse("wagtailsnippets_ladder_rung:unpublish", args=(rung.pk,)), follow=True
    )
    assert "cannot be unpublished because" in response.content.decode()
    rung.refresh_from_db()
    assert rung.live


def test_the_rung_listing_links_each_name_to_its_edit_view(manager_client, rungs):
    listing = manager_client.get(reverse("wagtailsnippets_ladder_rung:list")).content.decode()
    link = listing.index(f'href="{edit_url(rungs[4])}"')
    assert f'<span id="snippet_{rungs[4].pk}_title">Rung 5</span>' in listing[link : link + 200]


def test_a_failing_colour_is_refused_beside_the_field_naming_the_ratio(manager_client, rungs):
    response = manager_client.post(
        reverse("wagtailsnippets_ladder_rung:add"), rung_form(colour="#f2c14e")
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "has a contrast ratio of 1.67:1, and text needs at least 4.5:1" in text
    assert "bars need at least 3:1" in text
    assert 'value="#f2c14e"' in text  # what was chosen is kept
    assert 'type="color"' in text
    assert not Rung.objects.filter(name="Community-led").exists()


def test_a_colour_that_only_fails_the_text_minimum_names_that_ratio_only(manager_client, rungs):
    # #767676 is the darkest grey commonly quoted at 4.54:1; #8a8a8a sits near 3.4:1.
    response = manager_client.post(
        reverse("wagtailsnippets_ladder_rung:add"), rung_form(colour="#8a8a8a")
    )
    text = response.content.decode()
    assert "text needs at least 4.5:1" in text
    assert "bars need" not in text


def test_a_passing_colour_is_saved(manager_client, rungs):
    response = manager_client.post(
        reverse("wagtailsnippets_ladder_rung:add"), rung_form(colour="#767676")
    )
    assert response.status_code == 302
    assert Rung.objects.get(name="Community-led").colour == "#767676"


def test_a_new_rung_previews_before_it_is_saved(manager_client, rungs):
    preview = reverse("wagtailsnippets_ladder_rung:preview_on_add")
    assert manager_client.post(preview, rung_form()).json()["is_valid"] is True
    ladder = manager_client.get(preview).content.decode()
    assert "Rung 9: Community-led" in ladder
    result = manager_client.get(preview, {"mode": "result"}).content.decode()
    assert "Rung 9: <strong>Community-led</strong>" in result
    assert not Rung.objects.filter(name="Community-led").exists()
