"""Share cards: the picture a link preview shows (WhatsApp, Facebook, a text
message), drawn with Pillow once when a page is published, never per request.

A page type that wants a card says what it shows with ``share_card_text()``,
returning ``(heading, [lines])`` (opportunities: title, pay, closing date;
partners: name and summary). After the publish commits, a task draws the card
in the fonts of Debian's ``fonts-dejavu-core`` package, stores it as a Wagtail
image in the "Share cards" collection and keeps its rendition's address in a
``ShareCard`` row, so a page view reads one row (home/page_meta.py).
Publishing again with the same words draws nothing. Without the fonts no card
is drawn and the page shares with its logo or the site's own card.
"""

import hashlib
import io
import logging
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django_tasks import task
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from home.models import ShareCard, SiteSettings

logger = logging.getLogger(__name__)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BOLD, REGULAR = FONT_DIR / "DejaVuSans-Bold.ttf", FONT_DIR / "DejaVuSans.ttf"
SIZE = WIDTH, HEIGHT = 1200, 630
MARGIN = 72
TEXT_WIDTH = WIDTH - 2 * MARGIN - 170  # the ladder mark sits on the right
TEAL, PALE, WHITE, YELLOW = "#1f4e5f", "#cfe3ea", "#ffffff", "#f2c14e"
COLLECTION_NAME = "Share cards"
RENDITION_FILTER = "original"


def wrap(text, font, width, max_lines):
    """``text`` in lines no wider than ``width``; the last one ends "…" if cut."""
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if font.getlength(trial) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        # Whole words only, then the ellipsis.
        while " " in lines[-1] and font.getlength(lines[-1] + "…") > width:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] = lines[-1].rstrip(" ,;:") + "…"
    return lines


def draw_ladder(draw, left, top, size):
    """The site's ladder mark (as static/icons/favicon.svg)."""
    draw.rounded_rectangle((left, top, left + size, top + size), radius=size // 6, fill="#163b48")
    rail_left, rail_right = left + size * 0.32, left + size * 0.68
    rail_top, rail_bottom = top + size * 0.18, top + size * 0.82
    width = round(size * 0.07)
    draw.line((rail_left, rail_top, rail_left, rail_bottom), fill=WHITE, width=width)
    draw.line((rail_right, rail_top, rail_right, rail_bottom), fill=WHITE, width=width)
    for step in range(4):
        y = rail_top + (rail_bottom - rail_top) * (step + 0.5) / 4
        draw.line((rail_left, y, rail_right, y), fill=WHITE, width=width)


def draw_card(organisation, heading, lines):
    """The card as PNG bytes: the organisation, the heading, up to three lines."""
    card = PILImage.new("RGB", SIZE, TEAL)
    draw = ImageDraw.Draw(card)
    small = ImageFont.truetype(str(REGULAR), 34)
    body = ImageFont.truetype(str(REGULAR), 38)
    big = ImageFont.truetype(str(BOLD), 64)
    draw.text((MARGIN, MARGIN), organisation, font=small, fill=PALE)
    draw_ladder(draw, WIDTH - MARGIN - 140, MARGIN, 140)
    y = MARGIN + 80
    for line in wrap(heading, big, TEXT_WIDTH, 3):
        draw.text((MARGIN, y), line, font=big, fill=WHITE)
        y += 78
    y += 24
    for text in lines[:3]:
        for line in wrap(text, body, WIDTH - 2 * MARGIN, 2 if len(lines) == 1 else 1):
            if y > HEIGHT - MARGIN - 40:
                break
            draw.text((MARGIN, y), line, font=body, fill=PALE)
            y += 50
    draw.rectangle((0, HEIGHT - 18, WIDTH, HEIGHT), fill=YELLOW)
    buffer = io.BytesIO()
    card.save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return buffer


def share_cards_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


@task()
def draw_share_card(page_id: int) -> None:
    """Draw (or keep) the card of the page ``page_id``, if it is live and has one."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    page = page.specific if page else None
    if page is None or not hasattr(page, "share_card_text"):
        return
    if not (BOLD.exists() and REGULAR.exists()):
        logger.warning("No share card drawn: the fonts-dejavu-core package is not installed.")
        return
    heading, lines = page.share_card_text()
    organisation = SiteSettings.load().organisation_name
    fingerprint = hashlib.sha256("\n".join([organisation, heading, *lines]).encode()).hexdigest()
    existing = ShareCard.objects.filter(page=page).select_related("image").first()
    if existing and existing.fingerprint == fingerprint:
        return
    Image = get_image_model()
    image = Image(title=f"Share card: {heading}"[:255], collection=share_cards_collection())
    filename = f"share-card-{page.pk}.png"
    image.file.save(filename, ImageFile(draw_card(organisation, heading, lines), filename), False)
    image.save()
    rendition = image.get_rendition(RENDITION_FILTER)
    ShareCard.objects.update_or_create(
        page=page,
        defaults={
            "image": image,
            "url": rendition.url,
            "alt_text": ". ".join([heading, *lines])[:500],
            "fingerprint": fingerprint,
        },
    )
    if existing:
        existing.image.delete()


def queue_share_card(sender, instance, **kwargs):
    """page_published: draw the card after the publish commits (a task)."""
    if hasattr(instance.specific_class, "share_card_text"):
        page_id = instance.pk
        transaction.on_commit(lambda: draw_share_card.enqueue(page_id))


def delete_card_image(sender, instance, **kwargs):
    """A card's image goes with the card (the page was deleted)."""
    Image = get_image_model()
    Image.objects.filter(pk=instance.image_id).delete()
