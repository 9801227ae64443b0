"""A page's share card: the picture a link preview shows, drawn once when the
page is published (home/share_cards.py), never while serving a request."""

from django.db import models
from wagtail.images import get_image_model_string


class ShareCard(models.Model):
    """The drawn card of one page: its Wagtail image, the rendition's address
    (so a page view reads one row), and a fingerprint of the words drawn, so
    publishing again without changing them draws nothing."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="share_card"
    )
    image = models.ForeignKey(get_image_model_string(), on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=500)
    alt_text = models.CharField(max_length=500)
    fingerprint = models.CharField(max_length=64)

    def __str__(self):
        return f"Share card of page {self.page_id}"


def share_card_models() -> list[type]:
    """A new card changes its page's head: the page cache watches them."""
    return [ShareCard]
