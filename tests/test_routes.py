"""Every sub-route of every routable page routes, and renders without an error.

Wagtail's ``assertPageIsRoutable`` resolves a path through the page tree as a
request would; ``assertPageIsRenderable`` then fetches it. The last test lists
each routable page type's declared routes, so a route added without a row
here fails.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models
from wagtail.test.utils import WagtailPageTestCase

from ladder.models import SelfAssessmentPage
from tests.conftest import default_home_page
from tests.ladder.factories import make_pages, make_rungs, publish_questionnaire, theme_data
from tests.ladder.invitation_helpers import make_invitation, make_partner
from tests.ladder.journey_helpers import start
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import make_interest

# Wagtail's default "" route, shadowed where a page declares its own "" route.
SHADOWED = {(SelfAssessmentPage, "index_route")}


class EverySubRouteTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = default_home_page()
        cls.board = make_board(home)
        cls.opportunity = make_opportunity(cls.board)
        _record, cls.interest_token = make_interest(cls.opportunity)
        rungs = make_rungs(4)
        questionnaire = publish_questionnaire(themes=[theme_data("Decisions", rungs)])
        _ladder, cls.self_assessment = make_pages(home, questionnaire)
        cls.invitation = make_invitation(make_partner(home))

    def routes(self):
        """(page, route path, what a person gets: 200, 'redirect' or 404[, data posted])."""
        journey = start(self.client)
        return [
            (self.board, "/", 200),
            (self.board, "feed/rss/", 200),
            (self.board, "feed/atom/", 200),
            (self.board, "feed/closing-dates/", 200),
            (self.board, "benefits/", 200),
            (self.board, "benefits/forget/", "redirect"),
            (self.board, "alerts/", 200),
            (self.board, "alerts/sent/", "redirect"),  # nothing asked yet
            (self.opportunity, "/", 200),
            (self.opportunity, "interest/", 200),
            # Without the receipt the form hands over, "link not valid".
            (self.opportunity, "interest/sent/", 404),
            (self.opportunity, f"interest/status/{self.interest_token}/", 200),
            (self.opportunity, f"interest/status/{self.interest_token}/withdraw/", 200),
            # Only for selected people: "link not valid" for this new one.
            (self.opportunity, f"interest/status/{self.interest_token}/calendar/", 404),
            (self.opportunity, "remind-me/", 200),
            (self.opportunity, "remind-me/set/", "redirect"),  # nothing asked yet
            (self.opportunity, "remind-me/not-a-token/", 404),
            (self.self_assessment, "/", 200),
            (self.self_assessment, "begin/", 200),
            (self.self_assessment, "blank/", 200),
            (self.self_assessment, f"i/{self.invitation.answer_token}/", 200),
            (self.self_assessment, f"lead/{self.invitation.lead_token}/", 200),
            (self.self_assessment, f"a/{journey}/", "redirect"),
            (self.self_assessment, f"a/{journey}/about/", 200),
            # Steps, the check page and the result wait for the earlier answers.
            (self.self_assessment, f"a/{journey}/step/1/", "redirect"),
            (self.self_assessment, f"a/{journey}/check/", "redirect"),
            (self.self_assessment, f"a/{journey}/result/", "redirect"),
            (self.self_assessment, f"a/{journey}/pdf/", "redirect"),
            # A draft has no earlier results, and cannot be taken again.
            (self.self_assessment, f"a/{journey}/earlier/1/", 404),
            # Posted only (the result's forms): a draft is sent to "check your answers".
            (self.self_assessment, f"a/{journey}/again/", 404, {}),
            (self.self_assessment, f"a/{journey}/keep/", "redirect", {}),
        ]

    def test_every_sub_route_routes_and_renders(self):
        for page, route, answer, *posted in self.routes():
            with self.subTest(page=type(page).__name__, route=route):
                self.assertPageIsRoutable(page, route)
                self.assertPageIsRenderable(
                    page,
                    route,
                    post_data=posted[0] if posted else None,
                    accept_404=answer == 404,
                    accept_redirect=answer == "redirect",
                )

    def test_a_path_no_route_declares_does_not_route(self):
        """The check can fail: an undeclared path, or a token of the wrong shape."""
        for page, route in [
            (self.opportunity, "interest/unknown/"),
            (self.board, "feed/"),
            (self.self_assessment, "a/short/"),
        ]:
            with self.subTest(route=route), self.assertRaises(AssertionError):
                self.assertPageIsRoutable(page, route)

    def test_every_declared_route_has_a_row(self):
        covered = {
            (type(page), page.resolve_subpage("/" + route.lstrip("/")).func.__name__)
            for page, route, _answer, *_posted in self.routes()
        }
        declared = {
            (model, pattern.callback.__name__)
            for model in get_page_models()
            if issubclass(model, RoutablePageMixin)
            for pattern in model.get_subpage_urls()
        }
        self.assertEqual(declared - SHADOWED - covered, set())
