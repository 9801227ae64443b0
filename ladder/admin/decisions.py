"""Publication requests in the admin: *Moderators* approve or decline them.

Requests cannot be added or edited by anyone (``publication_policy``): they
come only from the lead contact's link.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.snippets.views.snippets import InspectView

from ladder.admin.permissions import DECIDE_PERMISSION
from ladder.admin.views import live_assessment_page
from ladder.invitations.services import PublicationRefused, approve, current_publication, decline
from ladder.models.publications import Publication


class DeclineForm(forms.Form):
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason (optional)",
        help_text="We send it to the lead contact, so write it for them.",
    )


class PublicationInspectView(InspectView):
    template_name = "components/ladder/admin/publication_inspect.html"

    def get_fields(self):
        return [
            "status",
            "partner_name",
            "scope",
            "rung_summary",
            "respondent_count",
            "assessed_on",
            "requested_at",
            "decided_at",
            "decline_reason",
        ]

    def get_field_label(self, field_name, field):
        labels = {
            "partner_name": "Partner",
            "scope": "What was assessed",
            "rung_summary": "Combined rung",
        }
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def get_partner_name_display_value(self):
        return self.object.invitation.partner.title

    def get_scope_display_value(self):
        return self.object.invitation.scope_label

    def get_rung_summary_display_value(self):
        return f"Rung {self.object.rung_level}: {self.object.rung_name}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        publication = self.object
        context.update(
            publication=publication,
            can_decide=(
                self.request.user.has_perm(DECIDE_PERMISSION)
                and publication.is_pending
                and not publication.invitation.is_revoked
            ),
            decline_form=DeclineForm(),
            approve_url=reverse(
                "wagtailsnippets_ladder_publication:approve", args=(publication.pk,)
            ),
            decline_url=reverse(
                "wagtailsnippets_ladder_publication:decline", args=(publication.pk,)
            ),
            current=current_publication(publication.invitation.partner),
        )
        return context


def _decide(request, pk, decision):
    if not request.user.has_perm(DECIDE_PERMISSION):
        raise PermissionDenied
    publication = get_object_or_404(
        Publication.objects.select_related("invitation__partner"), pk=pk
    )
    try:
        if decision == "approve":
            approve(publication, request.user, live_assessment_page(), request)
            messages.success(
                request,
                f"Published: {publication.invitation.partner.title}'s profile now shows "
                f"rung {publication.rung_level}, {publication.rung_name}. "
                "We have emailed the lead contact.",
            )
        else:
            form = DeclineForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            decline(publication, request.user, live_assessment_page(), reason, request)
            messages.success(request, "Declined. We have emailed the lead contact.")
    except PublicationRefused as refused:
        messages.error(request, str(refused))
    return redirect("wagtailsnippets_ladder_publication:inspect", publication.pk)


@require_POST
def approve_publication(request, pk):
    return _decide(request, pk, "approve")


@require_POST
def decline_publication(request, pk):
    return _decide(request, pk, "decline")
