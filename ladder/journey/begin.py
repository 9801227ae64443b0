"""The journey's first step before there is a draft: "About you", at ``begin/``.

The start page links here with a plain link (no form, no CSRF token), so the
start page is the same for everyone and the page cache can keep it. Nothing
is stored until this step is sent complete: then the draft is made, with its
private link, and the person goes on to the first theme.
"""

from django.db import transaction
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from home.form_protection import over_ip_limit
from home.models import SiteSettings
from home.private_pages import make_private
from ladder.journey.forms import AboutForm, StartForm
from ladder.journey.steps import Steps
from ladder.journey.views import START_LIMIT, START_WINDOW_SECONDS, render_public
from ladder.models.assessments import SelfAssessment


class NotStarted(Steps):
    """The numbering of a journey whose draft does not exist yet: "About you" posts to ``begin/``."""

    def __init__(self, page, theme_count):
        super().__init__(page, None, theme_count)

    def about(self):
        return self.page.url + self.page.reverse_subpage("begin")


@require_http_methods(["GET", "POST"])
def begin(request, page):
    settings = SiteSettings.load(request_or_site=request)
    version = page.current_version()
    if not settings.self_assessment_open or version is None:
        return redirect(page.url)  # the start page says it is closed, or not ready
    form = AboutForm(request.POST or None, instance=SelfAssessment(version=version))
    honeypot = StartForm(request.POST or None)
    steps = NotStarted(page, len(version.themes))
    context = {
        "form": form,
        "honeypot": honeypot,
        "steps": steps,
        "step_number": 1,
        "back_url": page.url,
    }
    if request.method == "POST":
        if over_ip_limit(request, "ladder-start", START_LIMIT, START_WINDOW_SECONDS):
            return render_public(request, page, "about.html", {**context, "blocked": True}, 429)
        if form.is_valid() and honeypot.is_valid() and not honeypot.looks_automated():
            with transaction.atomic():
                draft, token = SelfAssessment.start(version)
                filled = AboutForm(request.POST, instance=draft)
                filled.is_valid()  # the same data that was just found valid
                filled.save()
            following = Steps(page, token, len(version.themes))
            return make_private(
                redirect(following.theme(1) if following.theme_count else following.check())
            )
    return render_public(request, page, "about.html", context, status=400 if form.errors else 200)
