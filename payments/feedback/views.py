"""The participant's private page: answer, or change the answers for 30 days.

Reached from the message after their last session (``/feedback/<token>/``);
behind the second factor when someone else may read their messages; a
private page (``no-store``, ``no-referrer``).
"""

from django.http import HttpResponseRedirect
from django.views.decorators.http import require_http_methods

from home.models import SiteSettings
from home.private_pages import make_private, render_private
from payments.feedback import services
from payments.feedback.forms import FeedbackForm
from payments.models.feedback import QUESTIONS
from privacy.contact_wishes.links import LinkTarget
from privacy.contact_wishes.second_factor import second_factor_gate


def _initial(feedback):
    names = [name for name, _, _ in QUESTIONS] + ["comment", "may_quote", "consent"]
    return {name: getattr(feedback, name) for name in names}


@require_http_methods(["GET", "POST"])
def feedback_page(request, token):
    feedback = services.find_by_token(token)
    if feedback is None:
        return render_private(request, None, "pages/privacy/link_not_valid.html", status=404)
    record = feedback.interest
    gate = second_factor_gate(
        request,
        key=feedback.token_hash,
        reference=record.reference,
        phone_end=record.phone_last_three,
        required=record.needs_second_factor,
    )
    if gate is not None:
        return gate
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            services.save_answers(feedback, form.cleaned_data)
            return make_private(HttpResponseRedirect(request.path + "?saved=1", status=303))
    else:
        form = FeedbackForm(initial=_initial(feedback))
    return render_private(
        request,
        None,
        "pages/payments/feedback.html",
        {
            "form": form,
            "feedback": feedback,
            "opportunity_title": record.opportunity_title,
            "saved": request.method == "GET" and request.GET.get("saved") == "1",
            "org": SiteSettings.load(request_or_site=request),
        },
        status=400 if form.errors else 200,
        has_form=True,
    )


def feedback_link_target(request, token):
    """Where the neutral link ``/m/<token>/`` leads for a feedback token."""
    feedback = services.find_by_token(token)
    if feedback is None:
        return None
    return LinkTarget(
        record=feedback.interest, key=feedback.token_hash, url=services.feedback_path(token)
    )
