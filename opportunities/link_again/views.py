"""The "send me my link again" pages: the form, and the page after it that
says the same whatever happened."""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters

from home.form_protection import hit_rate_limit, over_ip_limit
from home.models import SiteSettings
from home.private_pages import make_private
from opportunities.link_again.forms import LinkAgainForm
from opportunities.link_again.services import send_link_again
from opportunities.private_pages import render_flow_page

IP_LIMIT = 10  # requests per hour from one client address
REFERENCE_LIMIT = 3  # requests per day for one reference, so nobody is pestered
HOUR = 60 * 60
DAY = 24 * HOUR
SEND_AGAIN = "We could not send your form. Please press 'Send my link' again."


@sensitive_post_parameters()
def link_again(request):
    blocked = False
    if request.method == "POST":
        form = LinkAgainForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if form.looks_automated():
                form = form.send_again(SEND_AGAIN)
            elif over_ip_limit(request, "link_again", IP_LIMIT, HOUR) or hit_rate_limit(
                "link_again:reference", data["reference"], REFERENCE_LIMIT, DAY
            ):
                blocked = True
            else:
                site_settings = SiteSettings.load(request_or_site=request)
                send_link_again(data["reference"], data["contact"], site_settings, request)
                return make_private(HttpResponseRedirect(reverse("link_again_sent"), status=303))
    else:
        form = LinkAgainForm()
    return render_flow_page(
        request,
        None,
        "link_again.html",
        {"form": form, "blocked": blocked},
        status=429 if blocked else 200,
        has_form=True,
    )


def link_again_sent(request):
    return render_flow_page(request, None, "link_again_sent.html")
