"""Logos come at the size they are shown, and twice that for sharp screens,
in WebP where the browser takes it, with width and height set; lazily in the
directory, at once on a profile, where the logo is above the fold."""

import re

import pytest

from tests.images import only, pictures, widths
from tests.partners.conftest import make_logo, make_partner

pytestmark = pytest.mark.django_db


def test_a_directory_logo_comes_at_its_shown_size_and_twice_that_lazily(client, partner_index):
    make_partner(
        partner_index,
        "Brookmere Trust",
        logo=make_logo("Logo", size=(960, 640)),
        logo_alt_text="Brookmere Trust logo",
    )

    html = client.get("/partners/").content.decode()

    picture = only(pictures(html))
    webp = only(re.findall(r'<source[^>]*srcset="([^"]+)"[^>]*type="image/webp"', picture))
    assert widths(webp) == [150, 300]  # shown at most 160 × 100, and at 2×
    img = only(re.findall(r"<img [^>]+>", picture))
    assert 'width="150"' in img and 'height="100"' in img
    assert 'loading="lazy"' in img and 'alt=""' in img
    assert widths(only(re.findall(r'srcset="([^"]+)"', img))) == [150, 300]
    assert ".png" in img


def test_a_profile_logo_is_above_the_fold_so_it_loads_at_once(client, partner_index):
    partner = make_partner(
        partner_index,
        "Brookmere Trust",
        logo=make_logo("Logo", size=(960, 640)),
        logo_alt_text="Brookmere Trust logo",
    )

    picture = only(pictures(client.get(partner.url).content.decode()))

    assert 'type="image/webp"' in picture
    img = only(re.findall(r"<img [^>]+>", picture))
    assert 'alt="Brookmere Trust logo"' in img and 'width="300"' in img
    assert "loading=" not in img
