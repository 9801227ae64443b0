"""The demo command fills the directory with partners of every kind."""

from io import StringIO

import pytest
from django.core.management import call_command

from partners.models import PartnerIndexPage, PartnerPage

pytestmark = pytest.mark.django_db


def test_demo_content_makes_a_varied_directory_once(client, demo_site):
    # The demo site was made by load_demo_content: this is its second run.
    call_command("load_demo_content", "--no-admin", stdout=StringIO())

    index = PartnerIndexPage.objects.get()
    assert index.live and index.url == "/partners/"
    partners = PartnerPage.objects.live().child_of(index)
    assert partners.count() == 10
    assert len({partner.kind for partner in partners}) >= 6
    for partner in partners:
        assert partner.logo and partner.logo_alt_text
        assert partner.sector is not None
        assert partner.areas.exists()
        partner.full_clean()  # what an editor would be held to

    html = client.get("/partners/").content.decode()
    assert "10 partners" in html
    assert (
        client.get("/partners/?kind=nhs").content.decode().count('class="card partner-card"') == 2
    )
