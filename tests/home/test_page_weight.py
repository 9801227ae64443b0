"""Every public page of the demo site, with its stylesheets and scripts,
weighs at most 60 KB gzip without images: light enough for an old phone on a
slow connection."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from wagtail.models import Page

BUDGET_BYTES = 60 * 1024
ASSET = re.compile(rb'<(?:link[^>]+href|script[^>]+src)="/static/([^"?#]+)"')


def gzip_size(content: bytes) -> int:
    return len(gzip.compress(content))


def weight(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    total = gzip_size(response.content)
    for asset in sorted(set(ASSET.findall(response.content))):
        path = finders.find(asset.decode())
        assert path, asset
        with open(path, "rb") as file:
            total += gzip_size(file.read())
    return total


@pytest.mark.django_db(transaction=True)
def test_every_public_page_is_under_60_kb_gzip_with_its_css_and_js(demo_site):
    client = Client()
    pages = [page for page in Page.objects.live().public().specific() if page.depth > 1]
    assert len(pages) > 10
    weights = {page.url: weight(client, page.url) for page in pages}
    for url in ["/opportunities/?show_closed=on", "/ladder/self-assessment/begin/"]:
        weights[url] = weight(client, url)
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] <= BUDGET_BYTES, (heaviest, weights[heaviest])
