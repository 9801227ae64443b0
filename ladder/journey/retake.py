"""Taking the self-assessment again from a result, and reading earlier results.

From a result, "Take it again" starts a new draft on the questionnaire
version published now, filled in with the earlier answers where the same
question (and the same answer) is still asked. The draft remembers the
result it came from, so its own result can show the change since, and the
chain of earlier results behind the new private link: no account needed.
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from home.form_protection import over_ip_limit
from home.models import SiteSettings
from home.private_pages import make_private, render_private
from ladder.choices import NOT_APPLICABLE
from ladder.journey.steps import Steps, load
from ladder.journey.summary import result_context
from ladder.models.assessments import SelfAssessment
from ladder.models.invitations import invited_respondent
from ladder.progress import earlier_results, progress_context

RETAKE_LIMIT = 10  # new drafts per address per hour, as for starting afresh
RETAKE_WINDOW_SECONDS = 60 * 60

# What a new draft keeps from the result it is taken again from. Contact
# details are not copied: the person gives them again if they still want
# our team to get in touch.
ABOUT_FIELDS = ("partner", "organisation_name", "scope_type", "scope_name", "role", "took_part")


def still_asked(version):
    """Question key to question, for every question of ``version``."""
    return {
        question["key"]: question for theme in version.themes for question in theme["questions"]
    }


def kept_answer(question, answer):
    if answer == NOT_APPLICABLE:
        return question["allow_not_applicable"]
    return any(option["key"] == answer for option in question["options"])


@transaction.atomic
def start_again(previous, version):
    """A new draft on ``version`` filled in from ``previous``; return it and its token."""
    questions = still_asked(version)
    theme_keys = {theme["key"] for theme in version.themes}
    assessment, token = SelfAssessment.start(version)
    for field in ABOUT_FIELDS:
        setattr(assessment, field, getattr(previous, field))
    assessment.previous = previous
    assessment.answers = {
        key: answer
        for key, answer in previous.answers.items()
        if key in questions and kept_answer(questions[key], answer)
    }
    assessment.evidence = {
        key: text for key, text in previous.evidence.items() if key in theme_keys and text
    }
    assessment.save()
    return assessment, token


def retake_notice(assessment):
    """For a draft taken again: when the earlier result was sent, and which of
    its answers could not be carried over (the question is no longer asked, or
    its answer is no longer offered)."""
    if assessment.previous_id is None or assessment.is_submitted:
        return None
    previous = assessment.previous
    questions = still_asked(assessment.version)
    dropped, ask_again = [], []
    for row in previous.answer_records.all():
        question = questions.get(row.question_key)
        if question is None:
            dropped.append(row.question_text)
        elif row.question_key not in assessment.answers and not kept_answer(
            question, row.option_key or NOT_APPLICABLE
        ):
            ask_again.append(question["text"])
    return {"previous": previous, "dropped": dropped, "ask_again": ask_again}


def can_take_again(assessment):
    """Results of invited team assessments are taken again through a new invitation."""
    return assessment.is_submitted and invited_respondent(assessment) is None


@require_http_methods(["POST"])
def take_again(request, page, token):
    previous, steps = load(page, token)
    if not can_take_again(previous):
        raise Http404("This result cannot be taken again from here.")
    version = page.current_version()
    if version is None or not SiteSettings.load(request_or_site=request).self_assessment_open:
        return make_private(redirect(page.url))
    if over_ip_limit(request, "ladder-start", RETAKE_LIMIT, RETAKE_WINDOW_SECONDS):
        context = {
            "assessment": previous,
            "steps": steps,
            "blocked": True,
            **result_page_context(previous, steps),
        }
        return render_private(
            request, page, "pages/ladder/result.html", context, status=429, has_form=True
        )
    assessment, new_token = start_again(previous, version)
    return make_private(redirect(Steps(page, new_token, len(version.themes)).resume()))


def result_page_context(assessment, steps):
    """The result page's context beyond the journey's own: the result, and its progress."""
    return {
        "can_take_again": can_take_again(assessment),
        "take_again_url": steps.url("take_again"),
        "pdf_url": steps.url("result_pdf"),
        **result_context(assessment),
        **progress_context(assessment, lambda number: steps.url("earlier_result", number)),
    }


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
