"""Where the neutral link ``/m/<token>/`` (privacy.contact_wishes.links) leads
for a self-assessment result whose link was emailed (``ladder.journey.keep``):
the result, once the person has given the reference it shows."""

from ladder.models.assessments import SelfAssessment
from ladder.self_assessment_links import self_assessment_target


def result_target(request, token):
    assessment = SelfAssessment.objects.for_token(token).submitted().exclude(reference="").first()
    if assessment is None:
        return None
    return self_assessment_target("result", token, record=assessment, key=assessment.token_hash)
