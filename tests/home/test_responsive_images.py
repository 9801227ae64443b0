"""The home page's hero and a body image offer widths for every screen, in
WebP where the browser takes it; the hero loads first, body images lazily."""

import re

import pytest
from wagtail.rich_text import RichText

from home.demo_images import demo_image
from tests.images import only, pictures, widths

pytestmark = pytest.mark.django_db


def test_the_home_hero_and_body_images_offer_widths_for_every_screen(client, home_page):
    photo = demo_image("Team day", "#1f4e5f", size=(1600, 1000))
    home_page.hero_image = photo
    home_page.body = [
        ("image", {"image": photo, "alt_text": "People at a workshop", "caption": ""}),
        ("rich_text", RichText("<p>More.</p>")),
    ]
    home_page.save_revision().publish()

    hero, block = pictures(client.get("/").content.decode())

    assert widths(only(re.findall(r'<source[^>]*srcset="([^"]+)"', hero))) == [480, 640, 960, 1280]
    assert 'fetchpriority="high"' in hero and "loading=" not in hero
    assert ".jpg" in only(re.findall(r"<img [^>]+>", hero))
    assert widths(only(re.findall(r'<source[^>]*srcset="([^"]+)"', block))) == [400, 800, 1200]
    assert 'loading="lazy"' in block and 'alt="People at a workshop"' in block
