"""A journey's steps: their addresses and numbering, and loading one by its token.

The draft lives in the database under a private token (only its hash is
stored); every step's address carries the token, so the same link resumes
from any device.
"""

from datetime import timedelta

from django.http import Http404
from django.utils import timezone

from ladder.models.assessments import SelfAssessment

# A draft's link stops working this long after its last change; a result's
# link does not expire (it is the respondent's own record).
DRAFT_EXPIRES_AFTER = timedelta(days=90)


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
