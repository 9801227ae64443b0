"""Where the neutral link ``/m/<token>/`` (privacy.contact_wishes.links) leads
for a self-assessment result whose link was emailed (``ladder.journey.keep``):
the result, once the person has given the reference it shows."""

from wagtail.models import Page

from ladder.models.assessments import SelfAssessment
from privacy.contact_wishes.links import LinkTarget


def result_target(request, token):
    assessment = SelfAssessment.objects.for_token(token).submitted().exclude(reference="").first()
    if assessment is None:
        return None
    # The page by its type's name: flows are handed pages, never import their classes.
    page = (
        Page.objects.live()
        .filter(content_type__app_label="ladder", content_type__model="selfassessmentpage")
        .first()
    )
    if page is None:
        return None
    page = page.specific
    path = page.url + page.reverse_subpage("result", args=(token,))
    return LinkTarget(record=assessment, key=assessment.token_hash, url=path)
