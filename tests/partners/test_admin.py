"""Editors manage partners in the Wagtail admin, as they would by hand."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from partners.models import PartnerIndexPage, PartnerPage
from tests.partners.conftest import make_logo

pytestmark = pytest.mark.django_db


def partner_form(title, slug, *, logo, sector, areas, logo_alt_text="Castlebrook Council logo"):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "The local council. We work with them on housing and benefits advice.",
            "logo": logo.pk if logo else "",
            "logo_alt_text": logo_alt_text,
            "kind": "council",
            "sector": sector.pk,
            "working_with_us_since": "2019",
            "website": "https://castlebrook.example.org/",
            "contact_email": "partnerships@castlebrook.example.org",
            "contact_phone": "0161 496 0101",
            "commitment": rich_text("<p>People with lived experience vote on the fund.</p>"),
            "quote": "They changed the letters after we told them they frightened people.",
            "quote_attribution": "Panel member",
            "body": streamfield(
                [
                    ("heading", {"text": "Our work together", "level": "h2"}),
                    ("rich_text", rich_text("<p>Every piece of work is paid.</p>")),
                    ("quote", {"quote": "We were heard.", "attribution": "Resident"}),
                ]
            ),
            "action-publish": "publish",
        }
    )
    data["areas"] = [area.pk for area in areas]
    return data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", parent.pk))


def test_add_form_explains_every_field(moderator_client, partner_index):
    html = moderator_client.get(add_url(partner_index)).content.decode()
    assert "Organisation name" in html
    for help_text in [
        "The organisation&#x27;s name as people know it",
        "Shown on its card in the directory.",
        "Needed when there is a logo",
        "Pick the closest.",
        "The main field they work in.",
        "Pick as many as apply.",
        "The year we started working together",
        "use a team inbox, never a person&#x27;s own address",
        "share power with people with lived experience",
        "Ask their permission first.",
    ]:
        assert help_text in html, help_text


def test_moderator_creates_and_publishes_a_partner_with_logo_and_snippets(
    moderator_client, partner_index, sectors, areas
):
    logo = make_logo("Castlebrook logo")
    wanted_areas = [areas["manchester"], areas["london"]]

    response = moderator_client.post(
        add_url(partner_index),
        partner_form(
            "Castlebrook Council",
            "castlebrook",
            logo=logo,
            sector=sectors["housing"],
            areas=wanted_areas,
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    partner = PartnerPage.objects.get(slug="castlebrook")
    assert partner.live
    assert partner.logo == logo
    assert partner.sector == sectors["housing"]
    assert set(partner.areas.all()) == set(wanted_areas)
    assert partner.working_with_us_since == 2019
    assert [block.block_type for block in partner.body] == ["heading", "rich_text", "quote"]

    html = moderator_client.get(partner.url).content.decode()
    assert "<h1>Castlebrook Council</h1>" in html
    assert 'alt="Castlebrook Council logo"' in html
    assert "<dd>Housing</dd>" in html
    assert "Greater Manchester, London" in html
    assert "People with lived experience vote on the fund." in html
    assert "They changed the letters after we told them they frightened people." in html
    assert "Every piece of work is paid." in html

    directory = moderator_client.get("/partners/?sector=housing&area=london").content.decode()
    assert "Castlebrook Council" in directory


def test_editor_creates_a_partner_and_a_moderator_publishes_it(
    client, editor, moderator, partner_index, sectors, areas
):
    client.force_login(editor)
    data = partner_form(
        "Castlebrook Council",
        "castlebrook",
        logo=make_logo("Castlebrook logo"),
        sector=sectors["housing"],
        areas=[areas["manchester"]],
    )
    data.pop("action-publish")
    data["action-submit"] = "submit"

    response = client.post(add_url(partner_index), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    partner = PartnerPage.objects.get(slug="castlebrook")
    assert not partner.live
    assert partner.current_workflow_state.status == "in_progress"

    client.force_login(moderator)
    task_state = partner.current_workflow_state.current_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(partner.pk, "approve", task_state.pk),
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    partner.refresh_from_db()
    assert partner.live
    assert client.get("/partners/castlebrook/").status_code == 200


@pytest.mark.parametrize(
    ("alt_text", "message"),
    [
        ("", "Describe the logo for people who cannot see it."),
        ("castlebrook.png", "This looks like the file&#x27;s name."),
    ],
)
def test_a_logo_needs_a_real_description_and_nothing_is_saved(
    moderator_client, partner_index, sectors, areas, alt_text, message
):
    data = partner_form(
        "Castlebrook Council",
        "castlebrook",
        logo=make_logo("Castlebrook logo"),
        sector=sectors["housing"],
        areas=[],
        logo_alt_text=alt_text,
    )

    response = moderator_client.post(add_url(partner_index), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Castlebrook Council"' in html  # what was typed is kept
    assert not PartnerPage.objects.filter(slug="castlebrook").exists()


def test_a_future_year_is_refused(moderator_client, partner_index, sectors):
    data = partner_form(
        "Castlebrook Council", "castlebrook", logo=None, sector=sectors["housing"], areas=[]
    )
    data["working_with_us_since"] = "2099"

    response = moderator_client.post(add_url(partner_index), data)

    assert response.status_code == 200
    assert "Give a year no later than" in response.content.decode()
    assert not PartnerPage.objects.filter(slug="castlebrook").exists()


def test_moderator_creates_the_directory_once(moderator_client, home_page):
    url = reverse("wagtailadmin_pages:add", args=("partners", "partnerindexpage", home_page.pk))
    data = nested_form_data(
        {
            "title": "Our partners",
            "slug": "partners",
            "introduction": "Who we work with.",
            "action-publish": "publish",
        }
    )

    assert moderator_client.post(url, data).status_code == 302
    assert PartnerIndexPage.objects.get().live
    assert not PartnerIndexPage.can_create_at(Page.objects.get(pk=home_page.pk))
