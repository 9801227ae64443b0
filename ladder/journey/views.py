"""The self-assessment journey's views, one thing per page (GOV.UK question pages).

Each view receives the self-assessment page from its route
(``ladder.journey.routes``). Pages behind the token are private pages
(``home.private_pages``), so the link never leaks to a cache or another site.
"""

from functools import wraps

from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from home.form_protection import over_ip_limit
from home.models import SiteSettings
from home.private_pages import make_private, render_private
from home.site_address import absolute_url
from ladder.choices import NOT_APPLICABLE, NOT_APPLICABLE_LABEL
from ladder.invitations.emails import notify_new_response
from ladder.invitations.views import refuse
from ladder.journey.forms import AboutForm, InvitedAboutForm, StartForm, ThemeForm
from ladder.journey.retake import retake_notice
from ladder.journey.steps import DRAFT_EXPIRES_AFTER, DraftExpired, Steps, load
from ladder.journey.summary import answer_summary, unanswered_links
from ladder.models.assessments import SelfAssessment
from ladder.models.invitations import Invitation, Respondent, invited_respondent
from ladder.models.rungs import Rung
from ladder.rung_requirements import public_requirements
from ladder.submission import about_is_complete, missing_answers, submit

START_LIMIT = 10  # new assessments per address per hour: plenty for a team sharing an office
START_WINDOW_SECONDS = 60 * 60


def render_public(request, page, template, context, status=200):
    """The start page and the blank questionnaire: public, no token in them."""
    return TemplateResponse(
        request, f"pages/ladder/{template}", {"page": page, "self": page, **context}, status=status
    )


def refuse_expired(view):
    """Say plainly that an old draft's link has expired, and offer a fresh start."""

    @wraps(view)
    def wrapped(request, page, *args, **kwargs):
        try:
            return view(request, page, *args, **kwargs)
        except DraftExpired:
            context = {"days": DRAFT_EXPIRES_AFTER.days}
            return render_private(request, page, "pages/ladder/expired.html", context, status=410)

    return wrapped


def journey_context(request, assessment, steps, **extra):
    return {
        "assessment": assessment,
        "steps": steps,
        "resume_url": absolute_url(steps.resume()),
        "respondent": invited_respondent(assessment),
        "retake": retake_notice(assessment),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def start(request, page):
    """The start page. It links to ``begin/`` (ladder.journey.begin); a post
    here, from a start page opened before that link, still starts a draft."""
    settings = SiteSettings.load(request_or_site=request)
    version = page.current_version()
    is_open = settings.self_assessment_open and version is not None
    form = StartForm(request.POST or None)
    context = {
        "form": form,
        "is_open": is_open,
        "version": version,
        "requirements": public_requirements(version, Rung.objects.live()) if version else [],
        "blank_url": page.url + page.reverse_subpage("blank"),
        "begin_url": page.url + page.reverse_subpage("begin"),
    }
    if request.method == "POST":
        if not is_open:
            return render_public(request, page, "start.html", context, status=409)
        if over_ip_limit(request, "ladder-start", START_LIMIT, START_WINDOW_SECONDS):
            return render_public(request, page, "start.html", {**context, "blocked": True}, 429)
        if form.is_valid() and not form.looks_automated():
            assessment, token = SelfAssessment.start(version)
            return redirect(Steps(page, token, len(version.themes)).about())
        # A bot filled the honeypot: show the start page again, save nothing.
        return render_public(request, page, "start.html", context)
    return render_public(request, page, "start.html", context)


@require_http_methods(["GET", "POST"])
def invited_start(request, page, token):
    """An invitation's shared link: who invited you, what you are assessing, and Start."""
    invitation = Invitation.objects.for_answer_token(token).select_related("partner").first()
    if invitation is None or not invitation.partner.live:
        return refuse(request, page, "not_found")
    if invitation.is_revoked:
        return refuse(request, page, "revoked")
    if invitation.is_expired:
        return refuse(request, page, "expired", invitation)
    version = page.current_version()
    if version is None:
        return refuse(request, page, "not_ready")
    form = StartForm(request.POST or None)
    context = {
        "invitation": invitation,
        "version": version,
        "form": form,
        "requirements": public_requirements(version, Rung.objects.live()),
    }
    if request.method == "POST":
        if over_ip_limit(request, "ladder-start", START_LIMIT, START_WINDOW_SECONDS):
            return render_private(
                request,
                page,
                "pages/ladder/invited_start.html",
                {**context, "blocked": True},
                status=429,
                has_form=True,
            )
        if form.is_valid() and not form.looks_automated():
            with transaction.atomic():
                assessment, draft_token = SelfAssessment.start(version)
                assessment.partner = invitation.partner
                assessment.organisation_name = invitation.partner.title
                assessment.scope_type = invitation.scope_kind
                assessment.scope_name = invitation.scope_name
                assessment.save()
                Respondent.objects.create(invitation=invitation, assessment=assessment)
            return make_private(
                HttpResponseRedirect(Steps(page, draft_token, len(version.themes)).about())
            )
    return render_private(request, page, "pages/ladder/invited_start.html", context, has_form=True)


def blank(request, page):
    """The questionnaire on one page, to print and prepare with."""
    version = page.current_version()
    if version is None:
        raise Http404("The self-assessment is not ready yet.")
    return render_public(
        request,
        page,
        "blank.html",
        {"version": version, "not_applicable_label": NOT_APPLICABLE_LABEL},
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
    return render_private(
        request,
        page,
        f"pages/ladder/{template}",
        context,
        status=400 if form.errors else 200,
        has_form=True,
    )


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
        not_applicable=NOT_APPLICABLE,
        step_number=number + 1,
        back_url=steps.theme(number - 1) if number > 1 else steps.about(),
        changing=bool(request.GET.get("change") or request.POST.get("change")),
    )
    return render_private(
        request,
        page,
        "pages/ladder/theme_step.html",
        context,
        status=400 if form.errors else 200,
        has_form=True,
    )


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
        notify_new_response(assessment, page, request)
        return make_private(redirect(steps.result()))
    context = journey_context(
        request,
        assessment,
        steps,
        summary=answer_summary(assessment, steps),
        unanswered=unanswered_links(steps, about_done, missing),
        submit_refused=request.method == "POST",
        step_number=steps.total,
        back_url=steps.theme(steps.theme_count) if steps.theme_count else steps.about(),
    )
    status = 400 if request.method == "POST" else 200
    return render_private(
        request, page, "pages/ladder/check.html", context, status=status, has_form=True
    )
