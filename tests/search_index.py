"""The search index written on every save, as in production.

The test settings turn that off (most tests never search); the ``search_index``
fixture (tests/conftest.py) and data built once for a module turn it back on.
"""

from django.conf import settings


def searching_on_save():
    """The search backends, each written on every save."""
    return {
        name: {**backend, "AUTO_UPDATE": True}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
