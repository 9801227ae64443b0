"""The lead contact's address under the self-assessment page.

``SelfAssessmentPage`` mixes this in beside ``RoutablePageMixin``; the route
hands the page to its view, so the view never imports the page model.
"""

from wagtail.contrib.routable_page.models import re_path

from ladder.choices import TOKEN_PATTERN as TOKEN
from ladder.invitations import views


class InvitationRoutes:
    """Requires ``RoutablePageMixin`` on the page."""

    @re_path(rf"^lead/{TOKEN}/$")
    def lead(self, request, token):
        """The lead contact's page: the combined result, and publication."""
        return views.lead(request, self, token)
