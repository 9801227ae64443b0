"""Share cards are drawn once, when an opportunity or partner is published, and
shown in link previews; viewing a page never draws one (home/share_cards.py)."""

import re
from html import unescape

import pytest
from PIL import Image as PILImage
from wagtail.images import get_image_model

from home.models import ShareCard
from tests.opportunities.conftest import make_board, make_opportunity
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db
Image = get_image_model()


def og_image(client, page):
    head = client.get(page.url).content.decode().split("</head>")[0]
    url = re.search(r'<meta property="og:image" content="([^"]+)"', head).group(1)
    alt = re.search(r'<meta property="og:image:alt" content="([^"]+)"', head).group(1)
    return url, unescape(alt)


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return run


def test_publishing_an_opportunity_draws_its_card_once(client, home_page, publish):
    board = make_board(home_page)
    page = make_opportunity(board, title="Tenant panel")
    assert not ShareCard.objects.exists()
    client.get(page.url)  # a page view draws nothing
    assert not ShareCard.objects.exists()

    publish(page)
    card = ShareCard.objects.get(page=page)
    assert card.image.collection.name == "Share cards"
    with PILImage.open(card.image.file.path) as drawn:
        assert (drawn.size, drawn.format) == ((1200, 630), "PNG")
    url, alt = og_image(client, page)
    assert url == f"http://testserver{card.url}"
    assert url.startswith("http://testserver/media/images/")
    assert alt.startswith("Tenant panel. £15 per hour")
    assert "Closes" in alt

    images = Image.objects.count()
    publish(page)  # the same words: nothing drawn
    assert Image.objects.count() == images
    assert ShareCard.objects.get(page=page).image_id == card.image_id

    page.title = "Tenant panel for repairs"
    publish(page)
    new_card = ShareCard.objects.get(page=page)
    assert new_card.image_id != card.image_id
    assert not Image.objects.filter(pk=card.image_id).exists()
    assert og_image(client, page)[1].startswith("Tenant panel for repairs.")

    page.delete()
    assert not Image.objects.filter(pk=new_card.image_id).exists()


def test_a_partner_gets_a_card_with_its_summary(client, home_page, publish):
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home_page),
        title="Riverside Housing",
        summary="A housing association in Salford.",
    )
    publish(partner)
    assert og_image(client, partner) == (
        f"http://testserver{ShareCard.objects.get(page=partner).url}",
        "Riverside Housing. A housing association in Salford.",
    )


def test_a_page_type_without_a_card_draws_none(client, home_page, publish):
    publish(home_page)
    assert not ShareCard.objects.exists()
    assert og_image(client, home_page)[0] == "http://testserver/static/icons/share.png"


def test_a_cached_page_shows_its_new_card_at_once(
    client, home_page, page_cache, django_capture_on_commit_callbacks
):
    from home.share_cards import draw_share_card

    board = make_board(home_page)
    page = make_opportunity(board, title="Tenant panel")
    assert og_image(client, page)[0] == "http://testserver/static/icons/share.png"
    assert og_image(client, page)[0] == "http://testserver/static/icons/share.png"  # cached

    # The task's saves commit (this test's transaction never does: run what would).
    with django_capture_on_commit_callbacks(execute=True):
        draw_share_card.call(page.pk)
    assert og_image(client, page)[0] == f"http://testserver{ShareCard.objects.get().url}"
