"""'Which benefits do you get?': benefit notes that are yours, without storing
anything about you.

The answer lives only in a session cookie in the person's own browser (gone
when the browser closes): it is set by a POST that redirects, so it never
appears in a URL, a log line or the browser's history, and nothing is written
on the server. "Forget this" deletes it. A page that reads it is
personal: it is sent ``Cache-Control: private, no-store`` and ``Vary: Cookie``,
so no shared cache keeps it or hands it to anyone else.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from opportunities.benefit_notes import OVER_LIMIT, benefit_notes
from opportunities.choices import Benefit
from opportunities.models.benefits import BenefitRule

COOKIE = "benefits"


def chosen_benefits(request):
    """The benefits this person said they get (known values only, in a fixed order)."""
    given = set((request.COOKIES.get(COOKIE) or "").split("."))
    return [value for value in Benefit.values if value in given]


def note_cards(opportunities, chosen, today):
    """Give each card ``card_benefit_notes``: a short note only for a chosen
    benefit whose weekly limit this opportunity may go over (the only case
    where a note on a card adds something); the page has the rest."""
    rules = [rule for rule in BenefitRule.objects.in_force(today) if rule.benefit in chosen]
    for opportunity in opportunities:
        opportunity.card_benefit_notes = [
            note.message
            for note in benefit_notes(rules, opportunity.pay_figures, opportunity.start_date, today)
            if note.level == OVER_LIMIT
        ]


def keep_private(response):
    """Mark a response that depends on the cookie as for this person only."""
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def safe_next(request, fallback):
    """Where to go back to: a path on this site only, never another site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed and target.startswith("/") else fallback


class PersonalBenefitNotes:
    """For a page that shows benefit notes: a response that read the cookie is kept private."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.COOKIES.get(COOKIE):
            keep_private(response)
        return response


class BenefitChoiceRoutes(RoutablePageMixin):
    """The question at ``benefits/`` and ``benefits/forget/`` under the board."""

    @path("benefits/", name="benefits")
    def benefits_choice(self, request):
        back = safe_next(request, self.url)
        if request.method == "POST":
            chosen = [v for v in Benefit.values if v in request.POST.getlist("benefit")]
            response = HttpResponseRedirect(back + "#benefits-heading")
            response.status_code = 303
            if chosen:
                # No max_age or expiry: a session cookie, gone when the browser closes.
                response.set_cookie(
                    COOKIE, ".".join(chosen), httponly=True, samesite="Lax",
                    secure=request.is_secure(),
                )  # fmt: skip
            else:
                response.delete_cookie(COOKIE, samesite="Lax")
            return keep_private(response)
        # Not the board's own context: the question needs no listing.
        context = {
            "page": self,
            "self": self,
            "request": request,
            "choices": Benefit.choices,
            "chosen": chosen_benefits(request),
            "next": back,
        }
        response = TemplateResponse(request, "pages/opportunities/benefits_choice.html", context)
        return keep_private(response)

    @path("benefits/forget/", name="benefits_forget")
    def benefits_forget(self, request):
        response = HttpResponseRedirect(safe_next(request, self.url))
        response.delete_cookie(COOKIE, samesite="Lax")
        return keep_private(response)
