"""The alert pages: the form (a route on the board, keeping its filters), the
page after it, and the private pages behind an alert's link: manage,
confirm, "this wasn't me" and the one-click unsubscribe. Every response is a
private page (``home.private_pages``)."""

from django.http import HttpResponseRedirect, QueryDict
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters

from home.form_protection import hit_rate_limit, over_ip_limit
from home.private_pages import make_private
from opportunities.alerts import messages, services
from opportunities.alerts.forms import AlertForm, ChannelForm, FrequencyForm
from opportunities.board.listing import OpportunityListing
from opportunities.models.alerts import SearchAlert
from opportunities.models.interest import wishes_key
from opportunities.private_pages import render_flow_page
from privacy.contact_wishes.second_factor import second_factor_gate

IP_LIMIT = 10  # alert forms per hour from one client address
CONTACT_LIMIT = 3  # confirmations per day to one email address or phone number
DAY_LIMIT = 500  # confirmations per day in all, so the site cannot be used to flood
HOUR = 60 * 60
DAY = 24 * HOUR
SESSION_KEY = "alert-reference"


def _blocked(request, wishes):
    return (
        over_ip_limit(request, "alerts", IP_LIMIT, HOUR)
        or hit_rate_limit("alerts:contact", wishes_key(SearchAlert(**wishes)), CONTACT_LIMIT, DAY)
        or hit_rate_limit("alerts:day", "all", DAY_LIMIT, DAY)
    )


@sensitive_post_parameters()
def subscribe(request, board):
    listing = OpportunityListing(board, request.GET)
    blocked = False
    if request.method == "POST":
        form = AlertForm(request.POST)
        if form.is_valid() and not form.looks_automated():
            wishes = form.cleaned_data["contact_wishes"]
            if _blocked(request, wishes):
                blocked = True
            else:
                alert, token = services.subscribe(
                    board, listing.query_string, form.cleaned_data["frequency"], wishes
                )
                messages.send_confirmation(alert, token)
                request.session[SESSION_KEY] = {
                    "reference": alert.reference,
                    "private": alert.needs_second_factor,
                }
                done = board.url + board.reverse_subpage("alert_sent")
                return make_private(HttpResponseRedirect(done, status=303))
        elif form.is_valid():
            form.add_error(None, "We could not send your form. Please press 'Send' again.")
    else:
        form = AlertForm()
    return render_flow_page(
        request,
        board,
        "alerts/subscribe.html",
        {"form": form, "listing": listing, "blocked": blocked},
        status=429 if blocked else 200,
        has_form=True,
    )


def subscribe_sent(request, board):
    asked = request.session.get(SESSION_KEY)
    if not asked:
        return HttpResponseRedirect(board.url)
    return render_flow_page(request, board, "alerts/sent.html", {"asked": asked})


def _find(request, token):
    alert = services.find_by_token(token)
    if alert is None:
        return None, render_flow_page(request, None, "alerts/not_found.html", status=404)
    return alert, None


SEARCH_FIELDS = ("q", "topic", "format", "area", "min_pay", "rung", "access")


def _search_listing(alert, data=None):
    """The board's filter form over the alert's search (or what was posted)."""
    if data is None:
        data = QueryDict(alert.query)
    else:
        kept = QueryDict(mutable=True)
        for name in SEARCH_FIELDS:
            kept.setlist(name, data.getlist(name))
        data = kept
    return OpportunityListing(alert.board, data)


def _act(request, alert, forms):
    """Carry out what the private page's form asked; a response when done."""
    action = request.POST.get("action")
    done = make_private(HttpResponseRedirect(request.path, status=303))
    if action == "stop":
        services.stop(alert)
        return render_flow_page(request, None, "alerts/stopped.html")
    if action in ("renew", "confirm"):
        getattr(services, action)(alert)
        return done
    if action == "search":
        services.change_search(alert, _search_listing(alert, request.POST).query_string)
        return done
    if action == "frequency":
        forms["frequency"] = FrequencyForm(request.POST)
        if forms["frequency"].is_valid():
            services.change_frequency(alert, forms["frequency"].cleaned_data["frequency"])
            return done
    if action == "channel":
        forms["channel"] = ChannelForm(request.POST, instance=alert)
        if forms["channel"].is_valid():
            token = services.change_channel(alert, forms["channel"].cleaned_data["contact_wishes"])
            if token is None:
                return done
            messages.send_confirmation(alert, token)
            return render_flow_page(request, None, "alerts/reconfirm.html", {"alert": alert})
    return None


def manage(request, token):
    alert, missing = _find(request, token)
    if missing:
        return missing
    gate = second_factor_gate(
        request,
        key=alert.token_hash,
        reference=alert.reference,
        phone_end=alert.phone_last_three,
        required=alert.needs_second_factor,
    )
    if gate is not None:
        return gate
    forms = {
        "frequency": FrequencyForm(initial={"frequency": alert.frequency}),
        "channel": ChannelForm(instance=alert),
    }
    if request.method == "POST":
        response = _act(request, alert, forms)
        if response is not None:
            return response
    board = alert.board
    recent = [sent.opportunity for sent in alert.sent.select_related("opportunity")[:20]]
    return render_flow_page(
        request,
        None,
        "alerts/manage.html",
        {
            "alert": alert,
            "form": forms["channel"],  # the contact-wishes component reads ``form``
            "frequency_form": forms["frequency"],
            "search": _search_listing(alert).form,
            "search_url": f"{board.url}?{alert.query}" if alert.query else board.url,
            "recent": recent,
        },
        has_form=True,
    )


def confirm(request, token):
    """The link in the confirmation: a button, so a mail scanner opening the
    link confirms nothing."""
    alert, missing = _find(request, token)
    if missing:
        return missing
    if request.method == "POST":
        services.confirm(alert)
        return make_private(HttpResponseRedirect(services.manage_path(token), status=303))
    return render_flow_page(request, None, "alerts/confirm.html", {"alert": alert}, has_form=True)


def not_me(request, token):
    """ "This wasn't me": delete it, without asking anything."""
    alert, missing = _find(request, token)
    if missing:
        return missing
    if request.method == "POST":
        services.stop(alert)
        return render_flow_page(request, None, "alerts/stopped.html")
    return render_flow_page(request, None, "alerts/not_me.html", has_form=True)


@csrf_exempt  # RFC 8058: a mail client POSTs here with no session or form
def unsubscribe(request, token):
    """One-click unsubscribe: a POST stops every alert to this contact."""
    alert, missing = _find(request, token)
    if missing:
        return missing
    if request.method == "POST":
        SearchAlert.objects.filter(contact_key=alert.contact_key).delete()
        return render_flow_page(request, None, "alerts/stopped.html")
    return render_flow_page(request, None, "alerts/unsubscribe.html", has_form=True)
