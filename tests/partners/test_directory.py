"""The partner directory: filters, search, order, count and pagination, read
from the rendered page as a person would see it."""

import re

import pytest
from wagtail import hooks

from home.models import Sector
from partners.directory import PARTNERS_PER_PAGE, DirectoryFilter
from partners.models import PartnerIndexPage, PartnerKind, PartnerPage
from tests.conftest import default_home_page
from tests.module_data import kept_for_the_module
from tests.partners.conftest import make_areas, make_partner, make_sectors
from tests.partners.factories import PartnerIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


def card_titles(response):
    """The partner names on the cards, in the order shown."""
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(
        r'<h3 class="card__title partner-card__title"><a href="[^"]+">([^<]+)</a>', html
    )


@pytest.fixture(scope="module")
def built_directory(django_db_setup, django_db_blocker):
    """The directory page, its sectors and areas and the five partners, built
    once for the module (tests/module_data.py): the directory's id."""
    with kept_for_the_module(django_db_blocker):
        partner_index = PartnerIndexPageFactory(
            parent=default_home_page(), introduction="Who we work with."
        )
        build_network(partner_index, make_sectors(), make_areas())
        yield partner_index.pk


@pytest.fixture
def partner_index(db, built_directory):
    return PartnerIndexPage.objects.get(pk=built_directory)


@pytest.fixture
def sectors(db, built_directory):
    return {sector.slug: sector for sector in Sector.objects.all()}


@pytest.fixture
def network(partner_index):
    """The five partners (``build_network``), there for every test of the module;
    asked for by the tests that count on them."""


def build_network(partner_index, sectors, areas):
    """Five partners that differ in kind, sector, area and words."""
    make_partner(
        partner_index,
        "Brookmere NHS Trust",
        kind=PartnerKind.NHS,
        sector=sectors["health"],
        areas=[areas["merseyside"]],
        summary="Mental health wards and community teams.",
    )
    make_partner(
        partner_index,
        "Castlebrook Council",
        kind=PartnerKind.COUNCIL,
        sector=sectors["housing"],
        areas=[areas["manchester"]],
        summary="Housing and benefits advice for residents.",
    )
    make_partner(
        partner_index,
        "Hearthway Homes",
        kind=PartnerKind.HOUSING,
        sector=sectors["housing"],
        areas=[areas["manchester"], areas["merseyside"]],
        summary="A housing association fixing damp and mould.",
    )
    make_partner(
        partner_index,
        "Calder Valley University",
        kind=PartnerKind.UNIVERSITY,
        sector=sectors["research"],
        areas=[areas["london"]],
        summary="Research studies shaped by community researchers.",
    )
    make_partner(
        partner_index,
        "avon mental health charity",
        kind=PartnerKind.CHARITY,
        sector=sectors["health"],
        areas=[areas["london"], areas["manchester"]],
        summary="Peer support groups and a drop-in café.",
    )


def test_lists_every_live_partner_a_to_z_with_a_count(client, network, partner_index):
    draft = PartnerPage(title="Aardvark Draft Partner", summary="Not published yet.")
    partner_index.add_child(instance=draft)
    draft.unpublish()

    response = client.get("/partners/")

    assert card_titles(response) == [
        "avon mental health charity",
        "Brookmere NHS Trust",
        "Calder Valley University",
        "Castlebrook Council",
        "Hearthway Homes",
    ]
    assert "5 partners" in response.content.decode()


def test_cards_show_summary_sector_and_kind(client, network):
    html = client.get("/partners/").content.decode()
    assert "A housing association fixing damp and mould." in html
    assert '<span class="tag">Housing provider</span>' in html
    assert '<span class="tag">Research</span>' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=council", ["Castlebrook Council"]),
        ("kind=nhs", ["Brookmere NHS Trust"]),
        ("sector=housing", ["Castlebrook Council", "Hearthway Homes"]),
        (
            "area=manchester",
            ["avon mental health charity", "Castlebrook Council", "Hearthway Homes"],
        ),
        ("area=merseyside&sector=housing", ["Hearthway Homes"]),
        ("area=manchester&sector=health&kind=charity", ["avon mental health charity"]),
        ("area=london&kind=council", []),
    ],
)
def test_filters_narrow_and_combine(client, network, query, expected):
    assert card_titles(client.get(f"/partners/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=mental+health", ["avon mental health charity", "Brookmere NHS Trust"]),
        ("q=damp", ["Hearthway Homes"]),
        ("q=castle", ["Castlebrook Council"]),
        ("q=researchers", ["Calder Valley University"]),
        ("q=mental+health&area=london", ["avon mental health charity"]),
        ("q=mental+health&kind=nhs&sector=health", ["Brookmere NHS Trust"]),
        ("q=damp&sector=research", []),
        ("q=zebra", []),
    ],
)
def test_search_narrows_and_combines_with_filters(client, network, query, expected):
    # Best matches first (tests/home/test_search.py); here, which partners.
    assert sorted(card_titles(client.get(f"/partners/?{query}")), key=str.lower) == expected


def test_a_narrowed_view_says_what_it_matched_and_keeps_the_choices(client, network):
    html = client.get("/partners/?q=damp&sector=housing").content.decode()
    assert "1 partner found" in html
    assert 'value="damp"' in html
    assert '<option value="housing" selected>Housing</option>' in html
    assert "Clear search and filters" in html


def test_nothing_found_says_so(client, network):
    html = client.get("/partners/?q=zebra").content.decode()
    assert "0 partners found" in html
    assert "No partners match" in html


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999",
        "page=%00",
        "sector=999999",
        "sector=%00",
        "area=%00",
        "area[]=x",
        "kind=bogus",
        "kind=",
        "q=%00",
        "q=" + "x" * 5000,
        "q=%22%27%3C%3E*%28%29AND+OR+NOT",
        "q=%E2%80%AE%F0%9F%98%80",
        "q=NOT",
        "q=mental+AND",
        "q=OR+NEAR%28x%29",
        "q=%5E%7B%7D%3A-%2B",
        "sector=housing&sector=health",
    ],
)
def test_bad_values_are_ignored_never_an_error(client, network, query):
    response = client.get(f"/partners/?{query}")
    assert response.status_code == 200


def test_unknown_filter_values_show_everything(client, network):
    assert len(card_titles(client.get("/partners/?sector=999999&area=%00&kind=bogus"))) == 5


def test_search_ignores_control_characters(client, network):
    assert card_titles(client.get("/partners/?q=da%00mp")) == ["Hearthway Homes"]


def test_pagination_keeps_filters_and_ignores_bad_page_numbers(client, partner_index, sectors):
    # A sector of their own, so the five partners every test shares are not counted.
    education = Sector.objects.create(name="Education", slug="education")
    for number in range(PARTNERS_PER_PAGE + 3):
        make_partner(partner_index, f"Partner {number:02d}", sector=education)
    make_partner(partner_index, "Other sector", sector=sectors["housing"])

    first = client.get("/partners/?sector=education")
    html = first.content.decode()
    assert len(card_titles(first)) == PARTNERS_PER_PAGE
    assert f"{PARTNERS_PER_PAGE + 3} partners found" in html
    assert 'href="?sector=education&amp;page=2" rel="next"' in html

    second = client.get("/partners/?sector=education&page=2")
    assert card_titles(second) == ["Partner 12", "Partner 13", "Partner 14"]
    assert 'href="?sector=education" rel="prev"' in second.content.decode()

    assert card_titles(client.get("/partners/?sector=education&page=abc")) == card_titles(first)
    assert card_titles(client.get("/partners/?sector=education&page=999")) == card_titles(second)


def test_the_form_is_a_labelled_get_form(client, network):
    html = client.get("/partners/").content.decode()
    assert '<form class="partner-filters" method="get"' in html
    for field_id, label in [
        ("partner-search", "Search by name or keyword"),
        ("partner-filter-kind", "Kind of organisation"),
        ("partner-filter-sector", "Sector"),
        ("partner-filter-area", "Area"),
    ]:
        assert f'<label for="{field_id}">{label}</label>' in html
        assert f'id="{field_id}"' in html


def test_other_apps_add_a_filter_through_the_hook(client, network):
    """The ladder adds its rung filter this way, without partners importing it."""

    def first_letter_filter():
        return DirectoryFilter(
            name="letter",
            label="First letter",
            choices=lambda: [("c", "C"), ("h", "H")],
            narrow=lambda partners, value: partners.filter(title__istartswith=value),
        )

    with hooks.register_temporarily("partner_directory_filters", first_letter_filter):
        html = client.get("/partners/").content.decode()
        assert '<label for="partner-filter-letter">First letter</label>' in html
        assert card_titles(client.get("/partners/?letter=c")) == [
            "Calder Valley University",
            "Castlebrook Council",
        ]
        assert card_titles(client.get("/partners/?letter=c&sector=housing")) == [
            "Castlebrook Council"
        ]
        assert len(card_titles(client.get("/partners/?letter=zz"))) == 5


def test_other_apps_fill_the_card_slot_with_the_cards_partner(client, network):
    def card_note(context):
        return f'<p class="test-note">Note for {context["partner"].title}</p>'

    with hooks.register_temporarily("slot:partner_card", card_note):
        html = client.get("/partners/?kind=council").content.decode()
    assert '<p class="test-note">Note for Castlebrook Council</p>' in html
