"""The "send me my link again" pages: the form, and the page after it that
says the same whatever happened."""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters

from home.form_protection import hit_rate_limit, over_ip_limit
from home.models import SiteSettings
from home.private_pages import make_private, render_private
from opportunities.link_again.forms import LinkAgainForm
from opportunities.link_again.services import send_link_again

IP_LIMIT = 10  # requests per hour from one client address
REFERENCE_LIMIT = 3  # requests per day for one reference, so nobody is pestered
HOUR = 60 * 60
DAY = 24 * HOUR


def _render(request, template, context=None, status=200, has_form=False):
    site_settings = SiteSettings.load(request_or_site=request)
    return render_private(
        request,
        None,
        f"pages/opportunities/{template}",
        {"org": site_settings, **(context or {})},
        status=status,
        has_form=has_form,
    )


def _retry_form(form):
    data = form.data.copy()
    data["website_url"] = ""
    data["form_started"] = LinkAgainForm().initial["form_started"]
    retry = LinkAgainForm(data)
    retry.is_valid()
    retry.add_error(None, "We could not send your form. Please press 'Send my link' again.")
    return retry


@sensitive_post_parameters()
def link_again(request):
    blocked = False
    if request.method == "POST":
        form = LinkAgainForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if form.looks_automated():
                form = _retry_form(form)
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
    return _render(
        request,
        "link_again.html",
        {"form": form, "blocked": blocked},
        status=429 if blocked else 200,
        has_form=True,
    )


def link_again_sent(request):
    return _render(request, "link_again_sent.html")
