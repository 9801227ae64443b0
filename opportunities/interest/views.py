"""The public pages for expressing interest (routes on OpportunityPage: ``routes.py``).

Every response is a private page (``home.private_pages``): the form echoes
what was typed, and the confirmation and status pages carry a private link.
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters

from home.form_protection import hit_rate_limit, over_ip_limit
from home.models import SiteSettings
from home.private_pages import make_private
from opportunities.interest import services
from opportunities.interest.calendar import sessions_calendar
from opportunities.interest.emails import status_path, status_url
from opportunities.interest.forms import InterestForm
from opportunities.interest.receipt import Receipt
from opportunities.interest.reply_dates import reply_by
from opportunities.models.interest import ExpressionOfInterest, wishes_key
from opportunities.private_pages import render_flow_page
from privacy.contact_wishes.second_factor import second_factor_gate

# Generous enough for a support worker helping several people from one
# community centre, or one person interested in several opportunities.
IP_LIMIT = 20  # forms per hour from one client address
CONTACT_LIMIT = 8  # forms per day for one email address or phone number
HOUR = 60 * 60
DAY = 24 * HOUR
SEND_AGAIN = "We could not send your form. Please check your answers and press 'Send' again."


def taking_interest(request, page):
    return SiteSettings.load(request_or_site=request).expressions_of_interest_open and (
        page.accepts_interest
    )


@sensitive_post_parameters()
def interest_form(request, page):
    if not taking_interest(request, page):
        return render_flow_page(request, page, "interest_closed.html", {}, status=200)
    blocked = False
    if request.method == "POST":
        form = InterestForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if form.looks_automated():
                form = form.send_again(SEND_AGAIN)
            elif over_ip_limit(request, "interest", IP_LIMIT, HOUR) or hit_rate_limit(
                "interest:contact",
                wishes_key(ExpressionOfInterest(**data["contact_wishes"])),
                CONTACT_LIMIT,
                DAY,
            ):
                blocked = True
            else:
                receipt = services.record_interest(page, data, request)
                receipt.keep(request, page)
                sent_url = page.url + page.reverse_subpage("interest_sent")
                return make_private(HttpResponseRedirect(sent_url, status=303))
    else:
        form = InterestForm()
    status = 429 if blocked else 200
    return render_flow_page(
        request,
        page,
        "interest_form.html",
        {"form": form, "blocked": blocked},
        status=status,
        has_form=True,
    )


def interest_sent(request, page):
    receipt = Receipt.recall(request, page)
    if receipt is None:
        return render_flow_page(request, page, "interest_link_not_valid.html", {}, status=404)
    site_settings = SiteSettings.load(request_or_site=request)
    return render_flow_page(
        request,
        page,
        "interest_sent.html",
        {
            "receipt": receipt,
            "reply_by": reply_by(site_settings),
            "status_url": status_path(page, receipt.token, request),
        },
    )


def _gate(request, record):
    """The second factor, when someone else may read this person's messages."""
    return second_factor_gate(
        request,
        key=record.token_hash,
        reference=record.reference,
        phone_end=record.phone_last_three,
        required=record.needs_second_factor,
    )


def interest_status(request, page, token):
    record = services.find_by_token(page, token)
    if record is None:
        return render_flow_page(request, page, "interest_link_not_valid.html", {}, status=404)
    gate = _gate(request, record)
    if gate is not None:
        return gate
    site_settings = SiteSettings.load(request_or_site=request)
    return render_flow_page(
        request,
        page,
        "interest_status.html",
        {
            "record": record,
            "reply_by": reply_by(site_settings, timezone.localdate(record.created_at)),
            "can_withdraw": record.status != record.Status.WITHDRAWN,
            "has_calendar": record.status == record.Status.SELECTED and page.upcoming_sessions,
        },
    )


def interest_calendar(request, page, token):
    """A selected person's sessions as an .ics file, behind the same gate."""
    record = services.find_by_token(page, token)
    if record is None or record.status != record.Status.SELECTED:
        return render_flow_page(request, page, "interest_link_not_valid.html", {}, status=404)
    gate = _gate(request, record)
    if gate is not None:
        return gate
    link = status_url(page, token, request)
    response = HttpResponse(
        sessions_calendar(record, page, link, token), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="sessions.ics"'
    return make_private(response)


def interest_withdraw(request, page, token):
    """Ask "are you sure?", then withdraw (a POST, with CSRF protection)."""
    record = services.find_by_token(page, token)
    if record is None:
        return render_flow_page(request, page, "interest_link_not_valid.html", {}, status=404)
    gate = _gate(request, record)
    if gate is not None:
        return gate
    status = status_path(page, token, request)
    if request.method == "POST":
        services.withdraw(record)
        return make_private(HttpResponseRedirect(status, status=303))
    if record.status == record.Status.WITHDRAWN:
        return make_private(HttpResponseRedirect(status, status=303))
    return render_flow_page(
        request,
        page,
        "interest_withdraw.html",
        {"record": record, "status_path": status},
        has_form=True,
    )
