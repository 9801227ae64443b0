"""Privacy's tests reach into every app's records; the ladder's pages are needed
to open an invitation in the admin."""

from tests.ladder.conftest import assessment_page, pages, questionnaire, rungs  # noqa: F401
from tests.opportunities.conftest import board  # noqa: F401
