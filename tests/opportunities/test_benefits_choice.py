"""'Which benefits do you get?': a session cookie set by a POST that redirects,
never in a URL and never stored; notes for the chosen benefits first and open;
responses that read it are private and not stored; 'forget this' clears it."""

import pytest

from opportunities.models import BenefitRule, ExpressionOfInterest
from tests.opportunities.conftest import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def opportunity(board):
    return make_opportunity(board, title="Tenant panel")


def test_choosing_universal_credit_shows_its_note_first_and_open(client, board, opportunity):
    assert BenefitRule.objects.filter(benefit="universal_credit").exists()
    before = client.get(opportunity.url)
    html = before.content.decode()
    assert "Which benefits do you get?" in html
    assert "no-store" not in before.get("Cache-Control", "")  # not personal yet
    esa_at = html.index("<strong>Employment and Support Allowance (ESA)")
    assert html.index("<strong>Universal Credit") > esa_at  # the usual order

    question = client.get(f"{board.url}benefits/?next={opportunity.url}")
    assert question.status_code == 200
    assert "no-store" in question["Cache-Control"]
    response = client.post(
        f"{board.url}benefits/",
        {"benefit": ["universal_credit", "nonsense"], "next": opportunity.url},
    )
    assert response.status_code == 303
    assert response["Location"] == f"{opportunity.url}#benefits-heading"  # no parameter
    cookie = response.cookies["benefits"]
    assert cookie.value == "universal_credit"
    assert not cookie["max-age"] and not cookie["expires"]  # gone when the browser closes
    assert cookie["httponly"]

    page = client.get(opportunity.url)
    html = page.content.decode()
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert "Cookie" in page["Vary"]
    yours = html.index("<strong>Universal Credit (you get this):</strong>")
    assert yours < html.index("<strong>Employment and Support Allowance (ESA)")
    assert '<details class="benefit-note__more" open>' in html[yours:]
    assert "55p for every £1" in html
    assert "Carer&#x27;s Allowance" in html  # other notes are still there for everyone
    assert "forget this" in html
    # Nothing about the person is stored on the server.
    assert not ExpressionOfInterest.objects.exists()

    board_page = client.get(board.url)
    assert "no-store" in board_page["Cache-Control"]

    forget = client.get(f"{board.url}benefits/forget/?next={opportunity.url}")
    assert forget.status_code == 302 and forget["Location"] == opportunity.url
    assert forget.cookies["benefits"].value == ""
    after = client.get(opportunity.url)
    assert "no-store" not in after.get("Cache-Control", "")
    assert "(you get this)" not in after.content.decode()


def test_next_never_leaves_the_site_and_an_empty_choice_clears(client, board):
    response = client.post(
        f"{board.url}benefits/", {"benefit": "esa", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"{board.url}#benefits-heading"
    client.cookies["benefits"] = "esa"
    cleared = client.post(f"{board.url}benefits/", {"next": "//evil.example/x"})
    assert cleared["Location"] == f"{board.url}#benefits-heading"
    assert cleared.cookies["benefits"].value == ""


def test_a_card_notes_a_chosen_benefit_only_when_the_pay_may_go_over_its_limit(client, board):
    from decimal import Decimal

    make_opportunity(board, title="Big day", pay_amount=Decimal("250"), pay_unit="day")
    make_opportunity(board, title="Small chat", pay_amount=Decimal("20"), pay_unit="hour")
    client.cookies["benefits"] = "carers_allowance.universal_credit"
    html = client.get(board.url).content.decode()
    notes = html.count('class="opportunity-card__benefit"')
    assert notes == 1
    assert "This may affect Carer" in html and "more than the £196 a week limit" in html
    client.cookies["benefits"] = "universal_credit"
    assert 'class="opportunity-card__benefit"' not in client.get(board.url).content.decode()


def test_with_the_page_cache_on_a_chosen_benefit_is_never_served_from_or_kept_in_it(
    client, board, opportunity, page_cache
):
    from django.test import Client

    from tests.home.page_cache_helpers import HIT, MISS, cache_status

    assert cache_status(Client().get(opportunity.url)) == MISS  # the shared copy is kept
    client.post(f"{board.url}benefits/", {"benefit": ["universal_credit"]})
    for url in (opportunity.url, board.url):
        mine = client.get(url)
        assert cache_status(mine) is None  # neither answered from nor put in the cache
        assert "no-store" in mine["Cache-Control"]
    assert "(you get this)" in client.get(opportunity.url).content.decode()

    visitor = Client().get(opportunity.url)
    assert cache_status(visitor) == HIT
    assert "(you get this)" not in visitor.content.decode()
