"""Everyday changes to a live opportunity without a moderation round-trip.

"Mark places filled" and "Close now" do not change what an opportunity *means*,
only whether it still takes interest, so someone who may publish the page can
do them from its admin listing (the page's "..." menu) in one step. The live
page and its revisions change together, so publishing a draft later does not
bring the old value back, and each change is written to the page's history.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import log

from opportunities.choices import CLOSE_EARLY_LOG, PLACES_FILLED_LOG
from opportunities.models.opportunity import OpportunityPage


class QuickAction:
    """One in-place change: what it is called, when it applies, what it sets."""

    def __init__(self, slug, label, icon, question, explanation, log_action, done):
        self.slug = slug
        self.label = label
        self.icon = icon
        self.question = question
        self.explanation = explanation
        self.log_action = log_action
        self.done = done

    @property
    def url_name(self):
        return f"opportunities_{self.slug.replace('-', '_')}"

    def applies_to(self, page):
        if self.slug == "mark-filled":
            return page.is_open and not page.places_filled
        return page.is_open

    def changes(self):
        if self.slug == "mark-filled":
            return {"places_filled": True}
        return {"closes_at": timezone.now()}


MARK_FILLED = QuickAction(
    "mark-filled",
    "Mark places filled",
    "check",
    "Mark every place on this opportunity as filled?",
    "The page will say its places are filled and stop taking interest at once. "
    "It stays on the board until its closing date. No approval is needed.",
    PLACES_FILLED_LOG,
    "Places marked filled",
)
CLOSE_NOW = QuickAction(
    "close-now",
    "Close now",
    "lock",
    "Close this opportunity now?",
    "It stops taking interest and leaves the board at once; its page stays, marked "
    "closed. Afterwards, add what changed as a result. No approval is needed.",
    CLOSE_EARLY_LOG,
    "Closed early",
)
ACTIONS = [MARK_FILLED, CLOSE_NOW]


def can_act(user, page):
    return page.permissions_for_user(user).can_publish()


def change_in_place(page, user, action):
    """Set the action's fields on the live page and on its live and latest
    revisions, in one transaction, and log it in the page's history."""
    changes = action.changes()
    with transaction.atomic():
        page = OpportunityPage.objects.select_for_update().get(pk=page.pk)
        before = {name: getattr(page, name) for name in changes}
        for name, value in changes.items():
            setattr(page, name, value)
        page.save(update_fields=list(changes), clean=False)
        for revision in {page.live_revision, page.latest_revision} - {None}:
            revision.content.update(changes)
            revision.save(update_fields=["content"])
        log(
            instance=page,
            action=action.log_action,
            user=user,
            data={
                "before": {name: str(value) for name, value in before.items()},
                "after": {name: str(value) for name, value in changes.items()},
            },
        )
    return page


def quick_action_view(request, page_id, action):
    page = get_object_or_404(OpportunityPage, pk=page_id)
    if not can_act(request.user, page):
        raise PermissionDenied
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = ""
    next_url = next_url or reverse("wagtailadmin_explore", args=(page.get_parent().pk,))
    if not action.applies_to(page):
        messages.warning(request, f"'{page.title}' is already closed or has its places filled.")
        return redirect(next_url)
    if request.method == "POST":
        change_in_place(page, request.user, action)
        messages.success(request, f"'{page.title}': {action.done.lower()}.")
        return redirect(next_url)
    return TemplateResponse(
        request,
        "components/opportunities/admin/confirm_quick_action.html",
        {
            "page": page,
            "action": action,
            "next_url": next_url,
            "page_title": action.label,
            "page_subtitle": page.title,
            "header_icon": action.icon,
        },
    )


def quick_action_urls():
    return [
        path(
            f"opportunities/<int:page_id>/{action.slug}/",
            quick_action_view,
            {"action": action},
            name=action.url_name,
        )
        for action in ACTIONS
    ]


class QuickActionButton(PageMenuItem):
    def __init__(self, action, **kwargs):
        self.action = action
        super().__init__(label=action.label, icon_name=action.icon, **kwargs)

    @property
    def url(self):
        url = reverse(self.action.url_name, args=(self.page.pk,))
        if self.next_url:
            url += "?" + urlencode({"next": self.next_url})
        return url

    def is_shown(self, user):
        return self.action.applies_to(self.page) and can_act(user, self.page)


def quick_action_buttons(page, next_url=None):
    if not isinstance(page, OpportunityPage):
        return []
    return [
        QuickActionButton(action, page=page, next_url=next_url, priority=35 + number)
        for number, action in enumerate(ACTIONS)
    ]


def listing_quick_actions(page, user, next_url=None):
    return quick_action_buttons(page, next_url)


def header_quick_actions(page, user, view_name, next_url=None):
    return quick_action_buttons(page.specific_deferred, next_url)
