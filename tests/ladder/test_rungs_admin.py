"""Rungs in the admin: only Ladder managers change them; used rungs stay."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from ladder.models import Answer, Rung, SelfAssessment
from tests.conftest import make_user
from tests.ladder.factories import make_rungs

pytestmark = pytest.mark.django_db


def rung_form(**overrides):
    data = {
        "level": "9",
        "name": "Community-led",
        "band": "shared_power",
        "colour": "#0b0c0c",
        "short_description": "The community leads and we follow.",
        "long_description": "",
        "in_practice": rich_text("<p>We share the budget.</p>"),
        "how_to_climb": rich_text(""),
    }
    data.update(overrides)
    return data


def test_a_ladder_manager_adds_a_rung(manager_client, rungs):
    response = manager_client.post(reverse("wagtailsnippets_ladder_rung:add"), rung_form())
    assert response.status_code == 302
    rung = Rung.objects.get(name="Community-led")
    assert (rung.level, rung.band) == (9, "shared_power")
    assert list(Rung.objects.values_list("level", flat=True)) == list(range(1, 10))


def test_a_level_already_taken_is_refused_beside_the_field(manager_client, rungs):
    response = manager_client.post(reverse("wagtailsnippets_ladder_rung:add"), rung_form(level="3"))
    assert response.status_code == 200
    assert "Level 3 is already the rung" in response.content.decode()
    assert not Rung.objects.filter(name="Community-led").exists()


def test_a_bad_colour_is_refused(manager_client, rungs):
    response = manager_client.post(
        reverse("wagtailsnippets_ladder_rung:add"), rung_form(colour="red")
    )
    assert "Enter a colour as #" in response.content.decode()


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_cannot_change_or_add_rungs(client, django_user_model, rungs, group):
    client.force_login(make_user(django_user_model, "someone", [group]))
    rung = rungs[0]
    edit = client.post(
        reverse("wagtailsnippets_ladder_rung:edit", args=(rung.pk,)),
        rung_form(level="1", name="Renamed"),
    )
    add = client.post(reverse("wagtailsnippets_ladder_rung:add"), rung_form())
    delete = client.post(reverse("wagtailsnippets_ladder_rung:delete", args=(rung.pk,)))
    assert {edit.status_code, add.status_code, delete.status_code} <= {302, 403}
    rung.refresh_from_db()
    assert rung.name == "Rung 1"
    assert Rung.objects.count() == 8


def test_dragging_a_rung_to_the_top_of_the_list_renumbers_without_error(manager_client, rungs):
    # Move the top rung (level 8) to the first position: levels 1-7 shift up by
    # one in a single UPDATE, which a unique index on level would refuse.
    top = rungs[-1]
    response = manager_client.post(
        reverse("wagtailsnippets_ladder_rung:reorder", args=(top.pk,)) + "?position=0"
    )
    assert response.status_code == 200
    assert list(Rung.objects.values_list("name", flat=True)) == [
        "Rung 8",
        *[f"Rung {n}" for n in range(1, 8)],
    ]
    assert list(Rung.objects.values_list("level", flat=True)) == list(range(1, 9))


def test_an_unused_rung_can_be_deleted(manager_client, rungs):
    response = manager_client.post(
        reverse("wagtailsnippets_ladder_rung:delete", args=(rungs[0].pk,))
    )
    assert response.status_code == 302
    assert not Rung.objects.filter(pk=rungs[0].pk).exists()


def test_a_rung_used_by_an_answer_cannot_be_deleted_and_says_why(manager_client, questionnaire):
    rung = Rung.objects.get(level=1)  # not in any questionnaire version
    assessment, _ = SelfAssessment.start(questionnaire.latest_version())
    Answer.objects.create(
        assessment=assessment,
        position=1,
        theme_key="t",
        question_key="q",
        question_text="Q?",
        rung=rung,
    )
    url = reverse("wagtailsnippets_ladder_rung:delete", args=(rung.pk,))
    response = manager_client.post(url, follow=True)
    assert Rung.objects.filter(pk=rung.pk).exists()
    assert "cannot be deleted because 1 answer chose it" in response.content.decode()


def test_a_rung_in_a_published_questionnaire_cannot_be_deleted(manager_client, questionnaire):
    rung = Rung.objects.get(level=4)
    response = manager_client.post(
        reverse("wagtailsnippets_ladder_rung:delete", args=(rung.pk,)), follow=True
    )
    assert Rung.objects.filter(pk=rung.pk).exists()
    assert "published questionnaire version" in response.content.decode()


def test_rung_str_shows_level_and_name(db):
    rung = make_rungs(1)[0]
    assert str(rung) == "1. Rung 1"


def test_the_rung_list_offers_drag_to_reorder_for_ladder_managers(manager_client, rungs):
    listing = reverse("wagtailsnippets_ladder_rung:list")
    response = manager_client.get(listing)
    assert response.status_code == 200
    assert "Sort item order" in response.content.decode()
    sorting = manager_client.get(listing + "?ordering=level").content.decode()
    assert reverse("wagtailsnippets_ladder_rung:reorder", args=(999999,)) in sorting
    assert "Rung 8" in sorting


def test_bulk_delete_refuses_used_rungs_and_keeps_them(manager_client, questionnaire):
    used = Rung.objects.get(level=4)  # in the published questionnaire
    unused = Rung.objects.get(level=1)
    url = reverse("wagtail_bulk_action", args=("ladder", "rung", "delete"))
    response = manager_client.post(f"{url}?id={used.pk}&id={unused.pk}", follow=True)
    assert "cannot be deleted because" in response.content.decode()
    assert Rung.objects.filter(pk__in=[used.pk, unused.pk]).count() == 2
    response = manager_client.post(f"{url}?id={unused.pk}")
    assert response.status_code == 302
    assert not Rung.objects.filter(pk=unused.pk).exists()
