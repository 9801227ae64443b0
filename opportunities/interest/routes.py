"""The addresses of the interest flow, as routes on the opportunity page."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from opportunities.interest import views


class InterestRoutes(RoutablePageMixin):
    """The interest form, its confirmation and the private status page, at
    addresses under the opportunity's own (``<opportunity>/interest/...``).

    A page of its own, rather than a form inside the opportunity page: the
    error summary then sits at the top of the form where GOV.UK puts it, the
    page that echoes typed details back can be served ``no-store``, and the
    opportunity page itself stays free of session cookies and CSRF tokens.
    """

    @path("interest/", name="interest")
    def interest_form_route(self, request):
        return views.interest_form(request, self)

    @path("interest/sent/", name="interest_sent")
    def interest_sent_route(self, request):
        return views.interest_sent(request, self)

    @path("interest/status/<str:token>/", name="interest_status")
    def interest_status_route(self, request, token):
        return views.interest_status(request, self, token)

    @path("interest/status/<str:token>/calendar/", name="interest_calendar")
    def interest_calendar_route(self, request, token):
        return views.interest_calendar(request, self, token)

    @path("interest/status/<str:token>/withdraw/", name="interest_withdraw")
    def interest_withdraw_route(self, request, token):
        return views.interest_withdraw(request, self, token)
