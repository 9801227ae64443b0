"""The journey's addresses under the self-assessment page.

``SelfAssessmentPage`` mixes this in beside ``RoutablePageMixin``; each
route hands the page to its view, so the views never import the page model.
"""

from wagtail.contrib.routable_page.models import path, re_path

from ladder.choices import TOKEN_PATTERN as TOKEN
from ladder.journey import begin, download, results, views


class JourneyRoutes:
    """The journey's routes, from the start page to the result.

    Requires ``RoutablePageMixin`` on the page.
    """

    @path("")
    def start(self, request):
        return views.start(request, self)

    @path("begin/")
    def begin(self, request):
        """The first step, "About you": the start page's plain link leads here."""
        return begin.begin(request, self)

    @path("blank/")
    def blank(self, request):
        return views.blank(request, self)

    @re_path(rf"^i/{TOKEN}/$")
    def invited_start(self, request, token):
        """Where an invitation's shared link lands: start answering for that partner."""
        return views.invited_start(request, self, token)

    @re_path(rf"^a/{TOKEN}/$")
    def resume(self, request, token):
        return views.resume(request, self, token)

    @re_path(rf"^a/{TOKEN}/about/$")
    def about(self, request, token):
        return views.about(request, self, token)

    @re_path(rf"^a/{TOKEN}/step/(?P<number>[0-9]{{1,3}})/$")
    def theme_step(self, request, token, number):
        return views.theme_step(request, self, token, int(number))

    @re_path(rf"^a/{TOKEN}/check/$")
    def check_answers(self, request, token):
        return views.check(request, self, token)

    @re_path(rf"^a/{TOKEN}/result/$")
    def result(self, request, token):
        return results.result(request, self, token)

    @re_path(rf"^a/{TOKEN}/pdf/$")
    def result_pdf(self, request, token):
        return download.result_pdf(request, self, token)

    @re_path(rf"^a/{TOKEN}/keep/$")
    def keep(self, request, token):
        """From a result: email me its link."""
        return results.keep(request, self, token)

    @re_path(rf"^a/{TOKEN}/again/$")
    def take_again(self, request, token):
        """From a result: a new draft filled in with its answers."""
        return results.take_again(request, self, token)

    @re_path(rf"^a/{TOKEN}/earlier/(?P<number>[0-9]{{1,2}})/$")
    def earlier_result(self, request, token, number):
        return results.earlier_result(request, self, token, int(number))
