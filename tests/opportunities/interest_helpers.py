"""Helpers for the expression-of-interest tests: a filled-in form, sent as a person would."""

import time

from home import form_protection
from home.private_links import expiry, new_token
from opportunities.models import ExpressionOfInterest
from opportunities.models.interest import new_reference


def started_a_minute_ago():
    """A fresh start time (each one sends one form) for the interest form."""
    return form_protection.issue_start_time("opportunities.interest", time.time() - 60)


def form_data(**overrides):
    data = {
        "name": "Sam Jones",
        "contact_method": "email",
        "contact_detail": "sam@example.org",
        "safe_to_leave_message": "yes",
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
    """A stored record and its private token, without going through the form."""
    token, token_hash = new_token()
    values = {
        "opportunity": opportunity,
        "opportunity_title": opportunity.title,
        "reference": new_reference(),
        "name": "Alex Doe",
        "contact_method": "email",
        "contact_detail": f"alex{ExpressionOfInterest.objects.count()}@example.org",
        "consent": True,
        "token_hash": token_hash,
        "token_expires_at": expiry(30),
        **fields,
    }
    return ExpressionOfInterest.objects.create(**values), token
