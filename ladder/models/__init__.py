from .assessments import Answer, SelfAssessment, ThemeResult, hash_token, new_token
from .pages import LadderPage, SelfAssessmentPage
from .questionnaire import Questionnaire, QuestionnaireVersion
from .rungs import Band, Rung

__all__ = [
    "Answer",
    "Band",
    "LadderPage",
    "Questionnaire",
    "QuestionnaireVersion",
    "Rung",
    "SelfAssessment",
    "SelfAssessmentPage",
    "ThemeResult",
    "hash_token",
    "new_token",
]
