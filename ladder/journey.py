"""The self-assessment journey, one thing per page (GOV.UK question pages).

Steps: start → about you → one step per theme → check your answers →
result. The draft lives in the database under a private token (only its
hash is stored); every step's address carries the token, so the same link
resumes from any device. Pages behind the token are served ``no-store``
and ``no-referrer`` so the link never leaks to a cache or another site.
"""

from datetime import timedelta
from functools import wraps

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from home.abuse import over_ip_limit
from home.models import SiteSettings
from home.private_links import make_private
from ladder.charts import theme_chart
from ladder.forms import NOT_APPLICABLE, NOT_APPLICABLE_LABEL, AboutForm, StartForm, ThemeForm
from ladder.invitation_forms import InvitedAboutForm
from ladder.invitations import invited_respondent, notify_new_response
from ladder.models import SelfAssessment
from ladder.results import about_is_complete, missing_answers, submit

START_LIMIT = 10  # new assessments per address per hour: plenty for a team sharing an office
START_WINDOW_SECONDS = 60 * 60


class Steps:
    """Addresses and numbering of one journey's steps."""

    def __init__(self, page, token, theme_count):
        self.page = page
        self.token = token
        self.theme_count = theme_count
        self.total = theme_count + 2  # about you, the themes, check your answers

    def url(self, name, *args):
        return self.page.url + self.page.reverse_subpage(name, args=(self.token, *args))

    def about(self):
        return self.url("about")

    def theme(self, number):
        return self.url("theme_step", number)

    def check(self):
        return self.url("check_answers")

    def result(self):
        return self.url("result")

    def resume(self):
        return self.url("resume")


# Steps with a form cannot be "no-referrer" (see home.private_links.make_private);
# "strict-origin" sends only the site's address, never the path with the token.
FORM_REFERRER_POLICY = "strict-origin"


def render(request, page, template, context, status=200, private=True, has_form=True):
    response = TemplateResponse(
        request, f"pages/ladder/{template}", {"page": page, "self": page, **context}, status=status
    )
    response.render()
    if not private:
        return response
    return make_private(
        response, referrer_policy=FORM_REFERRER_POLICY if has_form else "no-referrer"
    )


# A draft's link stops working this long after its last change; a result's
# link does not expire (it is the respondent's own record).
DRAFT_EXPIRES_AFTER = timedelta(days=90)


class DraftExpired(Exception):
    pass


def load(page, token):
    """The journey for ``token`` on this page, or 404. One query."""
    assessment = (
        SelfAssessment.objects.for_token(token)
        .select_related("version__questionnaire", "partner", "respondent__invitation__partner")
        .first()
    )
    if assessment is None:
        raise Http404("No self-assessment has this link.")
    if not assessment.is_submitted and assessment.updated_at < timezone.now() - DRAFT_EXPIRES_AFTER:
        raise DraftExpired
    return assessment, Steps(page, token, len(assessment.version.themes))


def refuse_expired(view):
    """Say plainly that an old draft's link has expired, and offer a fresh start."""

    @wraps(view)
    def wrapped(request, page, *args, **kwargs):
        try:
            return view(request, page, *args, **kwargs)
        except DraftExpired:
            context = {"days": DRAFT_EXPIRES_AFTER.days}
            return render(request, page, "expired.html", context, status=410, has_form=False)

    return wrapped


def journey_context(request, assessment, steps, **extra):
    return {
        "assessment": assessment,
        "steps": steps,
        "resume_url": request.build_absolute_uri(steps.resume()),
        "respondent": invited_respondent(assessment),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def start(request, page):
    settings = SiteSettings.load(request_or_site=request)
    version = page.current_version()
    is_open = settings.self_assessment_open and version is not None
    form = StartForm(request.POST or None)
    context = {
        "form": form,
        "is_open": is_open,
        "version": version,
        "blank_url": page.url + page.reverse_subpage("blank"),
    }
    if request.method == "POST":
        if not is_open:
            return render(request, page, "start.html", context, status=409, private=False)
        if over_ip_limit(request, "ladder-start", START_LIMIT, START_WINDOW_SECONDS):
            return render(
                request, page, "start.html", {**context, "blocked": True}, status=429, private=False
            )
        if form.is_valid() and not form.looks_automated():
            assessment, token = SelfAssessment.start(version)
            return redirect(Steps(page, token, len(version.themes)).about())
        # A bot filled the honeypot: show the start page again, save nothing.
        return render(request, page, "start.html", context, private=False)
    return render(request, page, "start.html", context, private=False)


def blank(request, page):
    """The questionnaire on one page, to print and prepare with."""
    version = page.current_version()
    if version is None:
        raise Http404("The self-assessment is not ready yet.")
    return render(
        request,
        page,
        "blank.html",
        {"version": version, "not_applicable_label": NOT_APPLICABLE_LABEL},
        private=False,
    )


@refuse_expired
def resume(request, page, token):
    """The private link: take the person to where they left off."""
    assessment, steps = load(page, token)
    if assessment.is_submitted:
        return make_private(redirect(steps.result()))
    if not about_is_complete(assessment):
        return make_private(redirect(steps.about()))
    missing = missing_answers(assessment)
    if missing:
        return make_private(redirect(steps.theme(missing[0][0])))
    return make_private(redirect(steps.check()))


def next_after(request, steps, default):
    """After saving a step: back to 'check your answers' when changing an answer."""
    if request.GET.get("change") or request.POST.get("change"):
        return make_private(redirect(steps.check()))
    return make_private(redirect(default))


@require_http_methods(["GET", "POST"])
@refuse_expired
def about(request, page, token):
    assessment, steps = load(page, token)
    if assessment.is_submitted:
        return make_private(redirect(steps.result()))
    # Answering through an invitation: the partner and scope are fixed, and
    # the person says how they relate to the partner instead.
    respondent = invited_respondent(assessment)
    if respondent is not None:
        form = InvitedAboutForm(request.POST or None, instance=assessment, respondent=respondent)
        template = "about_invited.html"
        back_url = page.url + page.reverse_subpage(
            "invited_start", args=(respondent.invitation.answer_token,)
        )
    else:
        form = AboutForm(request.POST or None, instance=assessment)
        template, back_url = "about.html", page.url
    if request.method == "POST" and form.is_valid():
        form.save()
        return next_after(request, steps, steps.theme(1) if steps.theme_count else steps.check())
    context = journey_context(
        request,
        assessment,
        steps,
        form=form,
        step_number=1,
        back_url=back_url,
        changing=bool(request.GET.get("change") or request.POST.get("change")),
    )
    return render(request, page, template, context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@refuse_expired
def theme_step(request, page, token, number):
    assessment, steps = load(page, token)
    if assessment.is_submitted:
        return make_private(redirect(steps.result()))
    themes = assessment.version.themes
    if not 1 <= number <= len(themes):
        raise Http404("There is no such step.")
    theme = themes[number - 1]
    if request.method == "POST":
        form = ThemeForm(theme, request.POST)
        if form.is_valid():
            assessment.answers = {**assessment.answers, **form.answers()}
            assessment.evidence = {
                **assessment.evidence,
                theme["key"]: form.cleaned_data["evidence"],
            }
            assessment.save(update_fields=["answers", "evidence", "updated_at"])
            following = steps.theme(number + 1) if number < len(themes) else steps.check()
            return next_after(request, steps, following)
    else:
        initial = {
            ThemeForm.field_name(q): assessment.answers[q["key"]]
            for q in theme["questions"]
            if q["key"] in assessment.answers
        }
        initial["evidence"] = assessment.evidence.get(theme["key"], "")
        form = ThemeForm(theme, initial=initial)
    context = journey_context(
        request,
        assessment,
        steps,
        form=form,
        theme=theme,
        theme_number=number,
        step_number=number + 1,
        back_url=steps.theme(number - 1) if number > 1 else steps.about(),
        changing=bool(request.GET.get("change") or request.POST.get("change")),
    )
    return render(request, page, "theme_step.html", context, status=400 if form.errors else 200)


def answer_summary(assessment, steps):
    """Each theme's questions with the chosen answer's words, for 'check your answers'."""
    summary = []
    for number, theme in enumerate(assessment.version.themes, start=1):
        rows = []
        for question in theme["questions"]:
            key = assessment.answers.get(question["key"])
            if key == NOT_APPLICABLE:
                answer = NOT_APPLICABLE_LABEL
            else:
                answer = next((o["label"] for o in question["options"] if o["key"] == key), "")
            rows.append({"question": question["text"], "answer": answer})
        summary.append(
            {
                "number": number,
                "theme": theme,
                "rows": rows,
                "evidence": assessment.evidence.get(theme["key"], ""),
                "change_url": steps.theme(number) + "?change=1",
            }
        )
    return summary


@require_http_methods(["GET", "POST"])
@refuse_expired
def check(request, page, token):
    assessment, steps = load(page, token)
    if assessment.is_submitted:
        return make_private(redirect(steps.result()))
    missing = missing_answers(assessment)
    about_done = about_is_complete(assessment)
    if request.method == "POST" and about_done and not missing:
        submit(assessment)
        notify_new_response(assessment, request)
        return make_private(redirect(steps.result()))
    context = journey_context(
        request,
        assessment,
        steps,
        summary=answer_summary(assessment, steps),
        missing=[
            {"theme": theme, "url": steps.theme(number) + "?change=1"}
            for number, theme, _ in missing
        ],
        about_done=about_done,
        submit_refused=request.method == "POST",
        step_number=steps.total,
        back_url=steps.theme(steps.theme_count) if steps.theme_count else steps.about(),
    )
    status = 400 if request.method == "POST" else 200
    return render(request, page, "check.html", context, status=status)


def result_context(assessment):
    """What the result page (and the admin's view of it) shows, from the snapshot only."""
    snapshot = assessment.result
    rungs = snapshot.get("rungs", [])
    overall = snapshot.get("overall")
    top_level = rungs[-1]["level"] if rungs else None
    themes = snapshot.get("themes", [])
    rungs_by_id = {rung["id"]: rung for rung in rungs}
    strengths = [
        theme
        for theme in themes
        if overall and theme["rung"] and theme["rung"]["level"] > overall["level"]
    ]
    to_climb = [theme for theme in themes if theme["rung"] and theme["rung"]["level"] != top_level]
    return {
        "snapshot": snapshot,
        "overall": overall,
        "overall_rung": rungs_by_id.get(overall["id"]) if overall else None,
        "ladder_rungs": rungs,
        "themes": themes,
        "strengths": strengths,
        "to_climb": to_climb,
        "chart": theme_chart(themes, rungs),
    }


@refuse_expired
def result(request, page, token):
    assessment, steps = load(page, token)
    if not assessment.is_submitted:
        return make_private(redirect(steps.check()))
    context = journey_context(request, assessment, steps, **result_context(assessment))
    return render(request, page, "result.html", context, has_form=False)
