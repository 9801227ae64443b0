"""The ladder's pages, for the lead contact's page that shows a partner's record."""

from tests.ladder.conftest import assessment_page, pages, questionnaire, rungs  # noqa: F401
