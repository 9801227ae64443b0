"""The "Remind me before it closes" pages: the form, the page after it (the
same whatever was stored), and the private page behind the reminder's link,
which stops it. Every response is a private page (``home.private_pages``)."""

from django.http import HttpResponseRedirect
from django.views.decorators.debug import sensitive_post_parameters

from home.form_protection import hit_rate_limit, over_ip_limit
from home.private_pages import make_private
from opportunities.closing_reminder import services
from opportunities.closing_reminder.forms import ClosingReminderForm
from opportunities.models.closing_reminders import ClosingReminder
from opportunities.models.interest import wishes_key
from opportunities.private_pages import render_flow_page
from privacy.contact_wishes.second_factor import second_factor_gate

IP_LIMIT = 10  # forms per hour from one client address
CONTACT_LIMIT = 5  # reminders per day for one email address or phone number
HOUR = 60 * 60
DAY = 24 * HOUR
SEND_AGAIN = "We could not send your form. Please press 'Remind me' again."


def _session_key(page):
    return f"closing-reminder:{page.pk}"


@sensitive_post_parameters()
def closing_reminder_form(request, page):
    if not page.accepts_interest or services.too_late_to_ask(page):
        return render_flow_page(request, page, "closing_reminder_too_late.html")
    blocked = False
    if request.method == "POST":
        form = ClosingReminderForm(request.POST)
        if form.is_valid():
            wishes = form.cleaned_data["contact_wishes"]
            if form.looks_automated():
                form = form.send_again(SEND_AGAIN)
            elif over_ip_limit(request, "closing_reminder", IP_LIMIT, HOUR) or hit_rate_limit(
                "closing_reminder:contact",
                wishes_key(ClosingReminder(**wishes)),
                CONTACT_LIMIT,
                DAY,
            ):
                blocked = True
            else:
                reminder = services.ask_for_reminder(page, wishes)
                # For the page after, which shows the reference their link may ask for.
                request.session[_session_key(page)] = {
                    "reference": reminder.reference,
                    "private": reminder.needs_second_factor,
                }
                done = page.url + page.reverse_subpage("closing_reminder_set")
                return make_private(HttpResponseRedirect(done, status=303))
    else:
        form = ClosingReminderForm()
    return render_flow_page(
        request,
        page,
        "closing_reminder_form.html",
        {"form": form, "blocked": blocked, "remind_on": page.closes_at - services.REMINDER_BEFORE},
        status=429 if blocked else 200,
        has_form=True,
    )


def closing_reminder_set(request, page):
    asked = request.session.get(_session_key(page))
    if not asked or page.closes_at is None:
        return HttpResponseRedirect(page.url)
    return render_flow_page(
        request,
        page,
        "closing_reminder_set.html",
        {"asked": asked, "remind_on": page.closes_at - services.REMINDER_BEFORE},
    )


def closing_reminder_status(request, page, token):
    """What the reminder's link opens: the opportunity, and a button to stop it."""
    reminder = services.find_by_token(page, token)
    if reminder is None:
        return render_flow_page(request, page, "closing_reminder_not_found.html", status=404)
    gate = second_factor_gate(
        request,
        key=reminder.token_hash,
        reference=reminder.reference,
        phone_end=reminder.phone_last_three,
        required=reminder.needs_second_factor,
    )
    if gate is not None:
        return gate
    if request.method == "POST":
        reminder.delete()
        return render_flow_page(request, page, "closing_reminder_stopped.html")
    return render_flow_page(
        request,
        page,
        "closing_reminder_status.html",
        {"reminder": reminder, "remind_on": page.closes_at - services.REMINDER_BEFORE},
        has_form=True,
    )
