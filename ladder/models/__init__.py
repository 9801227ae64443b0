from .assessments import Answer, SelfAssessment, ThemeResult, hash_token, new_token
from .invitations import Invitation, LadderSettings, Publication, Respondent, ScopeKind
from .pages import LadderPage, SelfAssessmentPage
from .questionnaire import Questionnaire, QuestionnaireVersion
from .rungs import Band, Rung

__all__ = [
    "Answer",
    "Band",
    "Invitation",
    "LadderPage",
    "LadderSettings",
    "Publication",
    "Questionnaire",
    "QuestionnaireVersion",
    "Respondent",
    "Rung",
    "ScopeKind",
    "SelfAssessment",
    "SelfAssessmentPage",
    "ThemeResult",
    "hash_token",
    "new_token",
]
