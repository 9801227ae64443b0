"""The addresses of "Remind me before it closes", under the opportunity's own."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from opportunities.closing_reminder import views


class ClosingReminderRoutes(RoutablePageMixin):
    """``<opportunity>/remind-me/``: the form, the page after it, and the
    reminder's private page. Pages of their own, so the opportunity page
    stays free of session cookies and CSRF tokens."""

    @path("remind-me/", name="closing_reminder")
    def closing_reminder_route(self, request):
        return views.closing_reminder_form(request, self)

    @path("remind-me/set/", name="closing_reminder_set")
    def closing_reminder_set_route(self, request):
        return views.closing_reminder_set(request, self)

    @path("remind-me/<str:token>/", name="closing_reminder_status")
    def closing_reminder_status_route(self, request, token):
        return views.closing_reminder_status(request, self, token)
