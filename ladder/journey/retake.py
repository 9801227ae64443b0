"""Taking the self-assessment again from a result: the new draft and what it says.

From a result, "Take it again" (``ladder.journey.results``) starts a new
draft on the questionnaire version published now, filled in with the
earlier answers where the same question (and the same answer) is still
asked. The draft remembers the result it came from, so its own result can
show the change since, and the chain of earlier results behind the new
private link: no account needed.
"""

from django.db import transaction

from ladder.choices import NOT_APPLICABLE
from ladder.models.assessments import SelfAssessment
from ladder.models.invitations import invited_respondent

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
