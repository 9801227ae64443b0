"""The ladder's data and its invariants, one module per part.

Code inside the app imports the submodule it needs
(``from ladder.models.assessments import SelfAssessment``); this package
gathers the models for Django and for other apps.
"""

from .assessments import Answer, SelfAssessment, ThemeResult
from .invitations import Invitation, Respondent
from .pages import LadderPage, SelfAssessmentPage
from .publications import Publication
from .questionnaire import Questionnaire, QuestionnaireVersion
from .rungs import Rung
from .settings import LadderSettings

__all__ = [
    "Answer",
    "Invitation",
    "LadderPage",
    "LadderSettings",
    "Publication",
    "Questionnaire",
    "QuestionnaireVersion",
    "Respondent",
    "Rung",
    "SelfAssessment",
    "SelfAssessmentPage",
    "ThemeResult",
]
