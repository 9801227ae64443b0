"""Each partner's record where the team and the partner read it: the admin
report (by quarter or year) and its CSV, the dashboard, the network report,
and the lead contact's private page with the partner's short response."""

import pytest
from django.urls import reverse

from payments.models import PartnerResponse
from tests.conftest import make_user
from tests.ladder.invitation_helpers import lead_url, make_invitation, make_partner
from tests.payments.helpers import days_ago, past_opportunity, payment, selected

pytestmark = pytest.mark.django_db

WITHHELD = "fewer than 5 people"


@pytest.fixture
def partners(home_page):
    """Good pays 6 people 5 days after their last session; Few pays 3 people."""
    good = make_partner(home_page, title="Good Partner", slug="good")
    few = make_partner(home_page, title="Few Partner", slug="few")
    for person in selected(past_opportunity(home_page, good, title="Good one"), 6):
        payment(person, paid_on=days_ago(25))
    for person in selected(past_opportunity(home_page, few, title="Few one"), 3):
        payment(person, paid_on=days_ago(25))
    return good, few


def test_the_team_reads_every_partner_record_and_its_csv(client, django_user_model, partners):
    client.force_login(make_user(django_user_model, "caseworker", ["Personal data"]))
    html = client.get(reverse("payments_partner_records") + "?period=year").content.decode()
    good_part = html[html.index("Good Partner") :]
    few_part = html[html.index("Few Partner") : html.index("Good Partner")]
    assert "5 days" in good_part  # the median, from 6 people
    assert "5 days" not in few_part and WITHHELD in few_part
    assert "How these figures are worked out" in html
    csv = b"".join(client.get(reverse("payments_partner_records_csv")).streaming_content).decode()
    assert "Good Partner" in csv and "Median days to pay,5,6,6,100" in csv
    assert f"Few Partner,{days_ago(30).year} Q" in csv or "Few Partner" in csv
    assert f"Median days to pay,{WITHHELD},{WITHHELD}" in csv
    assert "Definition,,Days to pay,Calendar days from the last session" in csv
    # A period that is not a quarter or year falls back to quarters; no error.
    assert client.get(reverse("payments_partner_records") + "?period=week").status_code == 200
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Partners&#x27; records this year" in home or "Partners' records this year" in home


def test_the_network_report_shows_the_records_to_the_team_only(
    client, django_user_model, partners, superuser
):
    client.force_login(superuser)
    assert "Partners' records: paying people" in client.get(
        reverse("ladder_network_report")
    ).content.decode().replace("&#x27;", "'")


def test_the_partner_sees_its_own_record_first_and_responds(client, partners, assessment_page):
    good, _ = partners
    invitation = make_invitation(good)
    page = client.get(lead_url(invitation)).content.decode()
    assert "Your record: paying people and hearing them" in page
    assert page.index("Your record") < page.index("Share this link")
    assert "5 days" in page and "Few Partner" not in page
    period = str(days_ago(30).year)
    saved = client.post(
        reverse("payments_partner_response", args=(invitation.lead_token,)),
        {"period": period, "text": "We now pay on the day."},
    )
    assert saved.status_code == 303
    assert PartnerResponse.objects.get(partner=good, period=period).text == "We now pay on the day."
    assert "We now pay on the day." in client.get(saved["Location"]).content.decode()
    refused = client.post(
        reverse("payments_partner_response", args=("not-a-token",)), {"period": period}
    )
    assert refused.status_code == 404


def test_the_purge_removes_people_and_keeps_only_each_partners_figures(
    client, django_user_model, partners
):
    from datetime import timedelta

    from django.utils import timezone

    from payments.models import KeptPartnerFigures, Payment
    from privacy.retention import purge

    client.force_login(make_user(django_user_model, "caseworker", ["Personal data"]))
    before = client.get(reverse("payments_partner_records_csv") + "?period=year")
    purge(now=timezone.now() + timedelta(days=3650))
    assert not Payment.objects.exists()
    assert KeptPartnerFigures.objects.filter(kind="year").count() == 2
    after = client.get(reverse("payments_partner_records_csv") + "?period=year")
    assert b"".join(after.streaming_content) == b"".join(before.streaming_content)
    purge(now=timezone.now() + timedelta(days=3650))  # a second run keeps what it kept
    assert KeptPartnerFigures.objects.count() == 4  # each partner's year and quarter
