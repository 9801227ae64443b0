"""Subscribing, confirming, changing and stopping alerts; finding one by its link.

Boards come in as arguments (the page models import this flow through the
board's routes), so this module never imports the page models.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from home.private_links import hash_token, new_reference
from home.site_address import absolute_url
from opportunities.models.alerts import SearchAlert


def manage_path(token):
    return reverse("alert_manage", args=(token,))


def manage_url(token):
    return absolute_url(manage_path(token))


def unsubscribe_url(token):
    return absolute_url(reverse("alert_unsubscribe", args=(token,)))


def subscribe(board, query, frequency, contact_wishes):
    """A new, unconfirmed alert; returns it with its token (``alert.token``).
    Confirmation goes to the contact given (``messages.send_confirmation``)."""
    alert = SearchAlert(board=board, query=query, frequency=frequency, **contact_wishes)
    token = alert.issue_link()
    for _attempt in range(5):
        alert.reference = new_reference()
        try:
            with transaction.atomic():
                alert.save()
            return alert, token
        except IntegrityError:
            continue
    raise RuntimeError("Could not find a free reference")


def find_by_token(token):
    if not token or len(token) > 100:
        return None
    return SearchAlert.objects.filter(token_hash=hash_token(token)).select_related("board").first()


def confirm(alert):
    if alert.confirmed_at is None:
        alert.confirmed_at = timezone.now()
        alert.save(update_fields=["confirmed_at"])


def renew(alert):
    """Another 12 months, and another reminder before those end."""
    alert.renewed_at = timezone.now()
    alert.renewal_reminded_at = None
    alert.save(update_fields=["renewed_at", "renewal_reminded_at"])


def change_frequency(alert, frequency):
    alert.frequency = frequency
    alert.save(update_fields=["frequency"])


def change_search(alert, query):
    alert.query = query
    alert.save(update_fields=["query"])


def change_channel(alert, contact_wishes):
    """New contact wishes. A new email address or number must be confirmed
    again (returns the new token to send the confirmation with), so the
    private link cannot point alerts at someone else; else returns None."""
    old = (alert.contact_email.lower(), alert.contact_phone)
    for name, value in contact_wishes.items():
        setattr(alert, name, value)
    if (alert.contact_email.lower(), alert.contact_phone) == old:
        alert.save()
        return None
    alert.confirmed_at = None
    token = alert.issue_link()  # the old link stops working
    alert.save()
    return token


def stop(alert):
    """Delete the alert and what it was told (nothing is kept)."""
    alert.delete()
