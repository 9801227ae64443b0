"""A result's pages: the result itself, "Take it again", and earlier results.

Each view receives the self-assessment page from its route
(``ladder.journey.routes``); every page is a private page.
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from home.form_protection import over_ip_limit
from home.models import SiteSettings
from home.private_pages import make_private, render_private
from ladder.journey.keep import keep_form, send_result_link
from ladder.journey.retake import can_take_again, start_again
from ladder.journey.steps import Steps, load
from ladder.journey.summary import result_context
from ladder.journey.views import journey_context, refuse_expired
from ladder.progress import earlier_results, progress_context

RETAKE_LIMIT = 10  # new drafts per address per hour, as for starting afresh
RETAKE_WINDOW_SECONDS = 60 * 60


def result_page_context(assessment, steps):
    """The result page's context beyond the journey's own: the result, and its progress."""
    return {
        "can_take_again": can_take_again(assessment),
        "take_again_url": steps.url("take_again"),
        "pdf_url": steps.url("result_pdf"),
        **result_context(assessment),
        **progress_context(assessment, lambda number: steps.url("earlier_result", number)),
    }


def render_result(request, page, assessment, steps, status=200, **extra):
    extra.setdefault("keep_form", keep_form(assessment, request))
    context = journey_context(
        request,
        assessment,
        steps,
        keep_url=steps.url("keep"),
        kept=request.GET.get("kept", "") if request.method == "GET" else "",
        **result_page_context(assessment, steps),
        **extra,
    )
    # "Email me the link" is a form: the page sends a same-origin referrer (home.private_pages).
    return render_private(
        request, page, "pages/ladder/result.html", context, status=status, has_form=True
    )


@refuse_expired
def result(request, page, token):
    assessment, steps = load(page, token)
    if not assessment.is_submitted:
        return make_private(redirect(steps.check()))
    return render_result(request, page, assessment, steps)


@require_http_methods(["POST"])
@refuse_expired
def take_again(request, page, token):
    previous, steps = load(page, token)
    if not can_take_again(previous):
        raise Http404("This result cannot be taken again from here.")
    version = page.current_version()
    if version is None or not SiteSettings.load(request_or_site=request).self_assessment_open:
        return make_private(redirect(page.url))
    if over_ip_limit(request, "ladder-start", RETAKE_LIMIT, RETAKE_WINDOW_SECONDS):
        return render_result(request, page, previous, steps, status=429, blocked=True)
    assessment, new_token = start_again(previous, version)
    return make_private(redirect(Steps(page, new_token, len(version.themes)).resume()))


@require_http_methods(["POST"])
@refuse_expired
def keep(request, page, token):
    """Keep it: "email me the link" on the result page (ladder.journey.keep)."""
    assessment, steps = load(page, token)
    if not assessment.is_submitted:
        return make_private(redirect(steps.check()))
    form = keep_form(assessment, request, request.POST)
    if not form.is_valid():
        return render_result(request, page, assessment, steps, status=400, keep_form=form)
    with transaction.atomic():
        form.save()
        sent = send_result_link(assessment, page, token, request)
    done = "sent" if sent else "not-sent"
    return make_private(redirect(f"{steps.result()}?kept={done}#keep-heading"))


@refuse_expired
def earlier_result(request, page, token, number):
    """An earlier result in the chain behind this one, read through this one's link."""
    assessment, steps = load(page, token)
    if not assessment.is_submitted:
        raise Http404("Send your answers first.")
    chain = earlier_results(assessment)
    if not 1 <= number <= len(chain):
        raise Http404("There is no such earlier result.")
    earlier = chain[number - 1]
    context = {
        "assessment": earlier,
        "steps": steps,
        "latest": assessment,
        "latest_url": steps.result(),
        **result_context(earlier),
        **progress_context(earlier, lambda further: steps.url("earlier_result", number + further)),
    }
    return render_private(request, page, "pages/ladder/earlier_result.html", context)
