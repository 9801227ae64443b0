"""The page tree, and editors building opportunities in the Wagtail admin."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import AccessSupport, Area, HomePage, SiteSettings, Topic
from ladder.models import Rung
from opportunities.models import OpportunityIndexPage, OpportunityPage
from tests.opportunities.conftest import copy_in_admin, make_board, make_opportunity


class OpportunityTreeTests(WagtailPageTestCase):
    def test_board_sits_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(OpportunityIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(OpportunityIndexPage, {OpportunityPage})
        home = HomePage.objects.get()
        self.assertCanCreateAt(HomePage, OpportunityIndexPage)
        make_board(home)
        self.assertFalse(OpportunityIndexPage.can_create_at(home))

    def test_opportunities_only_on_the_board_with_no_children(self):
        self.assertAllowedParentPageTypes(OpportunityPage, {OpportunityIndexPage})
        self.assertAllowedSubpageTypes(OpportunityPage, set())
        self.assertCanCreateAt(OpportunityIndexPage, OpportunityPage)
        self.assertCanNotCreateAt(HomePage, OpportunityPage)
        self.assertCanNotCreateAt(Page, OpportunityIndexPage)


def opportunity_form(taxonomy, partner=None, **overrides):
    closes = timezone.localtime() + timedelta(days=20)
    fields = {
        "title": "Tenant panel",
        "slug": "tenant-panel",
        "summary": "Check how repairs are handled.",
        "lived_experience_sought": "Social housing tenants.",
        "topics": [taxonomy["topic"].pk],
        "partner": partner.pk if partner else "",
        "rung": taxonomy["rung"].pk,
        "body": streamfield([("rich_text", rich_text("<p>Six monthly meetings.</p>"))]),
        "easy_read_summary": rich_text(""),
        "format": "in_person",
        "area": taxonomy["area"].pk,
        "venue_name": "Town Hall",
        "venue_street": "Market Street",
        "venue_town": "Castlebrook",
        "venue_postcode": "cb4 1th",
        "start_date": (closes + timedelta(days=10)).strftime("%Y-%m-%d"),
        "end_date": (closes + timedelta(days=60)).strftime("%Y-%m-%d"),
        "hours_per_session": "2.5",
        "number_of_sessions": "4",
        "frequency": "fortnightly",
        "closes_at": closes.strftime("%Y-%m-%d %H:%M"),
        "places": "8",
        "pay_amount": "40.00",
        "pay_unit": "session",
        "no_payment_reason": "",
        "preparation_paid": "on",
        "payment_method": "bank_transfer",
        "paid_within_days": "7",
        "payment_optional": "on",
        "benefits_letter_offered": "on",
        "expenses_travel": "on",
        "expenses_childcare": "on",
        "expenses_other": "",
        "expenses_paid": "in_advance",
        "access_support": [taxonomy["bsl"].pk, taxonomy["step_free"].pk],
        "outcome": rich_text(""),
        "sessions": inline_formset([]),
        "action-publish": "publish",
        **overrides,
    }
    # Many-to-many choices post as repeated values, which nested_form_data would number.
    choices = {name: fields.pop(name) for name in ("topics", "access_support")}
    return {**nested_form_data(fields), **choices}


def add_url(board):
    return reverse("wagtailadmin_pages:add", args=("opportunities", "opportunitypage", board.pk))


@pytest.mark.django_db
def test_moderator_creates_and_publishes_an_opportunity_with_pay_and_access_support(
    moderator_client, board, taxonomy, partner
):
    response = moderator_client.post(add_url(board), opportunity_form(taxonomy, partner))

    assert response.status_code == 302, response.content.decode()[:3000]
    page = OpportunityPage.objects.get(slug="tenant-panel")
    assert page.live
    assert page.partner_id == partner.pk
    assert page.rung_id == taxonomy["rung"].pk
    assert list(page.topics.all()) == [taxonomy["topic"]]
    assert set(page.access_support.all()) == {taxonomy["bsl"], taxonomy["step_free"]}
    assert page.pay_amount == Decimal("40.00")
    assert page.hourly_pay_pence == 1600  # £40 for 2.5 hours
    assert page.weekly_hours == Decimal("2.5")

    html = moderator_client.get(page.url).content.decode()
    assert "What you’ll get" in html
    assert "£40 per session (about £16 an hour), £160 in all" in html
    assert "BSL interpreter" in html and "Step-free venue" in html
    assert "Travel, childcare. Paid in advance." in html
    assert 'href="/partners/castlebrook/">Castlebrook Council</a>' in html
    # £16 an hour is above the default real Living Wage: no warning.
    assert not [m for m in get_messages(response.wsgi_request) if "Living Wage" in str(m)]


@pytest.mark.django_db
def test_pay_below_the_living_wage_warns_but_still_publishes(moderator_client, board, taxonomy):
    response = moderator_client.post(
        add_url(board), opportunity_form(taxonomy, pay_amount="20.00"), follow=True
    )

    page = OpportunityPage.objects.get(slug="tenant-panel")
    assert page.live
    assert page.hourly_pay_pence == 800
    html = response.content.decode()
    assert "pays about £8 an hour, below the real Living Wage of £13.45" in html


@pytest.mark.django_db
def test_living_wage_warning_follows_the_setting(moderator_client, board, taxonomy):
    settings = SiteSettings.load()
    settings.real_living_wage_hourly = Decimal("17.00")
    settings.save()
    response = moderator_client.post(add_url(board), opportunity_form(taxonomy), follow=True)
    assert "below the real Living Wage of £17" in response.content.decode()


@pytest.mark.django_db
def test_volunteering_needs_a_reason_and_nothing_is_saved(moderator_client, board, taxonomy):
    response = moderator_client.post(
        add_url(board), opportunity_form(taxonomy, pay_amount="", pay_unit="none")
    )
    assert response.status_code == 200
    assert "Say plainly why this opportunity is unpaid." in response.content.decode()
    assert not OpportunityPage.objects.filter(slug="tenant-panel").exists()

    response = moderator_client.post(
        add_url(board),
        opportunity_form(
            taxonomy, pay_amount="", pay_unit="none", no_payment_reason="A volunteer role."
        ),
    )
    assert response.status_code == 302
    page = OpportunityPage.objects.get(slug="tenant-panel")
    assert page.hourly_pay_pence == 0
    assert "A volunteer role." in moderator_client.get(page.url).content.decode()


@pytest.mark.django_db
def test_paid_opportunity_needs_an_amount_and_dates_in_order(moderator_client, board, taxonomy):
    response = moderator_client.post(
        add_url(board),
        opportunity_form(taxonomy, pay_amount="", start_date="2030-05-02", end_date="2030-05-01"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give the amount people are paid" in html
    assert "The last session cannot be before the first." in html
    assert 'value="Tenant panel"' in html  # what was typed is kept
    assert not OpportunityPage.objects.exists()


@pytest.mark.django_db
def test_publishing_an_older_revision_restores_its_derived_pay(board):
    page = make_opportunity(board, pay_amount=Decimal("15"), hours_per_session=Decimal("2"))
    first = page.latest_revision
    page.pay_amount = Decimal("30")
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.hourly_pay_pence == 3000

    first.publish()
    page.refresh_from_db()
    assert page.hourly_pay_pence == 1500


@pytest.mark.django_db
def test_copying_clears_dates_and_outcome(board, superuser):
    page = make_opportunity(
        board,
        start_date=timezone.localdate() - timedelta(days=40),
        end_date=timezone.localdate() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=50),
        outcome="<p>The rules changed.</p>",
        places_filled=True,
    )
    assert page.has_outcome
    OpportunityPage.exclude_fields_in_copy  # noqa: B018 - documented on the model
    copy = page.copy(
        update_attrs={"slug": "copy", "title": "Copy", "closes_at": timezone.now()},
        keep_live=False,
        user=superuser,
    )
    copy = OpportunityPage.objects.get(pk=copy.pk)
    assert copy.start_date is None and copy.end_date is None
    assert copy.outcome == "" and not copy.has_outcome
    assert not copy.places_filled
    assert copy.pay_amount == page.pay_amount


@pytest.mark.django_db
def test_benefit_rules_are_editable_by_editors(editor_client):
    response = editor_client.get(reverse("wagtailsnippets_opportunities_benefitrule:list"))
    assert response.status_code == 200
    assert "Employment and Support Allowance (ESA)" in response.content.decode()


@pytest.mark.django_db
def test_edit_form_shows_the_pay_check(moderator_client, board):
    low = make_opportunity(board, pay_amount=Decimal("10"), hours_per_session=Decimal("2"))
    fair = make_opportunity(board, pay_amount=Decimal("20"), hours_per_session=Decimal("2"))
    unknown = make_opportunity(
        board, pay_amount=Decimal("100"), pay_unit="fixed", hours_per_session=None
    )

    def edit_page(page):
        response = moderator_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200
        return response.content.decode()

    html = edit_page(low)
    assert "Hourly equivalent: £10." in html
    assert "below the real Living Wage of £13.45" in html
    html = edit_page(fair)
    assert "Hourly equivalent: £20." in html
    assert "below the real Living Wage" not in html
    assert "Add the hours per session" in edit_page(unknown)
    add = reverse("wagtailadmin_pages:add", args=("opportunities", "opportunitypage", board.pk))
    assert (
        "After you save, the hourly pay is worked out" in moderator_client.get(add).content.decode()
    )


@pytest.mark.django_db
def test_dashboard_lists_opportunities_closing_in_the_next_fortnight(editor_client, board):
    now = timezone.now()
    make_opportunity(board, title="Closes on Friday", closes_at=now + timedelta(days=3))
    make_opportunity(board, title="Closes next month", closes_at=now + timedelta(days=30))
    make_opportunity(board, title="Closed already", closes_at=now - timedelta(days=1))
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Opportunities closing in the next 14 days" in html
    panel = html.split("Opportunities closing in the next 14 days")[1].split("</section>")[0]
    assert "Closes on Friday" in panel
    assert "Closes next month" not in panel and "Closed already" not in panel


@pytest.mark.django_db
def test_copying_in_the_admin_makes_a_draft_with_dates_to_set(moderator_client, board):
    page = make_opportunity(
        board,
        title="Tenant panel 2025",
        start_date=timezone.localdate() - timedelta(days=300),
        closes_at=timezone.now() - timedelta(days=320),
        outcome="<p>Repairs got faster.</p>",
    )
    copy = copy_in_admin(moderator_client, page, "Tenant panel 2026", "tenant-panel-2026", board)
    assert not copy.live
    assert copy.closes_at is None and copy.start_date is None and not copy.has_outcome
    assert copy.pay_amount == page.pay_amount

    edit = reverse("wagtailadmin_pages:edit", args=(copy.pk,))
    assert moderator_client.get(edit).status_code == 200
    draft = moderator_client.get(reverse("wagtailadmin_pages:view_draft", args=(copy.pk,)))
    assert "No closing date yet." in draft.content.decode()
    # Publishing without a closing date is refused beside the field.
    form = opportunity_form(
        {
            "topic": Topic.objects.create(name="Housing"),
            "area": Area.objects.create(name="Leeds"),
            "bsl": AccessSupport.objects.create(name="BSL"),
            "step_free": AccessSupport.objects.create(name="Ramp"),
            "rung": Rung.objects.create(
                level=2, name="Told", short_description="Told.", band="tokenism"
            ),
        },
        title="Tenant panel 2026",
        slug="tenant-panel-2026",
        closes_at="",
    )
    response = moderator_client.post(edit, form)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not OpportunityPage.objects.get(pk=copy.pk).live


@pytest.mark.django_db
def test_a_benefit_rule_changed_in_the_admin_shows_on_the_next_page_at_once(editor_client, board):
    """The rules are kept in the cache between pages; saving one forgets them."""
    from opportunities.models import BenefitRule

    page = make_opportunity(board, pay_amount=Decimal("20"), hours_per_session=Decimal("2"))
    rule = BenefitRule.objects.filter(benefit="universal_credit").latest("valid_from")
    first = editor_client.get(page.url).content.decode()
    assert rule.note in first

    edit_url = reverse("wagtailsnippets_opportunities_benefitrule:edit", args=(rule.pk,))
    form = editor_client.get(edit_url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data["valid_from"] = rule.valid_from.isoformat()
    data["note"] = "Universal Credit may go down as your pay goes up: ask us before you start."
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors

    again = editor_client.get(page.url).content.decode()
    assert "ask us before you start" in again
    assert rule.note not in again
