"""The ladder's records that public pages show, named for the page cache (``home.page_cache``)."""


def models_shown_publicly() -> list[type]:
    from ladder.models import Publication, Questionnaire, QuestionnaireVersion, Rung

    return [Rung, Publication, Questionnaire, QuestionnaireVersion]
