"""Helpers for the expression-of-interest tests: a filled-in form, sent as a person would."""

import time

from home import form_protection
from home.private_links import expiry
from opportunities.models import ExpressionOfInterest
from opportunities.models.interest import new_reference


def started_a_minute_ago():
    """A fresh start time (each one sends one form) for the interest form."""
    return form_protection.issue_start_time("opportunities.interest", time.time() - 60)


def form_data(**overrides):
    data = {
        "name": "Sam Jones",
        "contact_email": "sam@example.org",
        "email_wish": "safe",
        "access_needs": "",
        "anything_else": "",
        "consent": "on",
        "form_started": started_a_minute_ago(),
        "website_url": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def interest_url(page):
    return page.url + "interest/"


def make_interest(opportunity, **fields):
    """A stored record and its private token, without going through the form.

    By default the person gave an email address and said email is safe; pass
    contact wishes fields (``contact_phone="...", call_ok=True``...) to change that.
    """
    values = {
        "opportunity": opportunity,
        "opportunity_title": opportunity.title,
        "reference": new_reference(),
        "name": "Alex Doe",
        "consent": True,
        "token_expires_at": expiry(30),
        **fields,
    }
    if not any(key in fields for key in ("contact_email", "contact_phone", "support_worker")):
        values["contact_email"] = f"alex{ExpressionOfInterest.objects.count()}@example.org"
    if values.get("contact_email"):
        values.setdefault("email_ok", True)
        values.setdefault("email_safe", True)
    record = ExpressionOfInterest(**values)
    token = record.issue_link()
    record.save()
    return record, token


def phone_only(number="07700 900982", safe=True, channel="call"):
    """make_interest fields for someone who gave only a phone number."""
    return {"contact_phone": number, f"{channel}_ok": True, f"{channel}_safe": safe}
