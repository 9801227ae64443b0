"""The ladder's admin views: rungs that refuse deletion while in use, a
self-assessment in full, and invitations (create, inspect, revoke, send again).

- *Ladder managers* create invitations (which emails the lead contact the
  links), read them, send the email again and revoke them.
- Lead contacts' names and emails, and assessments' contact emails, are
  personal data: only those who may see personal data (the *Personal data*
  group, ``privacy.permissions``) see them after creation, and each look is
  recorded in the personal data access log.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    IndexView,
    InspectView,
    UnpublishView,
)

from home.exports import SpreadsheetSafeExportMixin
from ladder.invitations.emails import answer_link, send_invitation
from ladder.invitations.services import LOG_REVOKED
from ladder.journey.summary import result_context
from ladder.models.assessments import SelfAssessment
from ladder.models.invitations import Invitation
from ladder.models.pages import SelfAssessmentPage
from ladder.models.rungs import Rung
from ladder.team_results import team_result_with_history
from privacy.models import PersonalDataAccess
from privacy.permissions import can_see_personal_data


def live_assessment_page():
    """The live self-assessment page, whose routes make invitations' private links."""
    return SelfAssessmentPage.objects.live().first()


# Rungs ----------------------------------------------------------------------------


class RungDeleteView(DeleteView):
    """Refuse, with a plain reason, to delete a rung that answers or results use."""

    def dispatch(self, request, *args, **kwargs):
        uses = self.object.uses()
        if uses:
            messages.error(
                request,
                f"'{self.object.name}' cannot be deleted because {uses}. "
                "Old results must stay readable. You can rename it or change its text instead.",
            )
            return redirect(reverse(self.edit_url_name, args=(self.object.pk,)))
        return super().dispatch(request, *args, **kwargs)


class RungUnpublishView(UnpublishView):
    """Refuse to take a rung off the public ladder while answers, results or
    opportunities use it: results and opportunity pages would name a rung the
    ladder no longer shows."""

    def dispatch(self, request, *args, **kwargs):
        uses = self.object.uses()
        opportunities = self.object.opportunities.count()
        if opportunities:
            count = f"{opportunities} opportunit{'ies' if opportunities != 1 else 'y'}"
            uses = f"{uses} and {count} offer it" if uses else f"{count} offer it"
        if uses:
            messages.error(
                request,
                f"'{self.object.name}' cannot be unpublished because {uses}. "
                "You can rename it or change its text, as a draft, instead.",
            )
            return redirect(reverse(self.edit_url_name, args=(self.object.pk,)))
        return super().dispatch(request, *args, **kwargs)


def refuse_bulk_delete_of_used_rungs(request, action_type, objects, action_class_instance):
    """The bulk "Delete" in the rung list obeys the same rule as deleting one rung."""
    if action_type != "delete" or not objects or not isinstance(objects[0], Rung):
        return None
    used = [(rung, rung.uses()) for rung in objects]
    used = [(rung, uses) for rung, uses in used if uses]
    if not used:
        return None
    for rung, uses in used:
        messages.error(request, f"'{rung.name}' cannot be deleted because {uses}.")
    return redirect(reverse("wagtailsnippets_ladder_rung:list"))


# Self-assessments -----------------------------------------------------------------


class SelfAssessmentIndexView(SpreadsheetSafeExportMixin, IndexView):
    """Exports open in spreadsheets as text, never as formulas."""


class SelfAssessmentInspectView(InspectView):
    """One assessment in full: who it is about, and the result as submitted."""

    def get_fields(self):
        fields = [
            "status",
            "organisation_label",
            "scope_type",
            "scope_name",
            "role",
            "took_part",
            "contact_email",
            "contact_phone",
            "contact_wishes_summary",
            "version",
            "created_at",
            "submitted_at",
            "overall_rung",
            "result_in_full",
        ]
        if not can_see_personal_data(self.request.user):
            for personal in ("contact_email", "contact_phone", "contact_wishes_summary"):
                fields.remove(personal)
        return fields

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        has_contact = self.object.contact_email or self.object.contact_phone
        if has_contact and "contact_email" in self.fields:
            PersonalDataAccess.record(
                request, PersonalDataAccess.Action.VIEWED, SelfAssessment, record_id=self.object.pk
            )
        return response

    def get_field_label(self, field_name, field):
        labels = {
            "organisation_label": "Organisation",
            "result_in_full": "Result",
            "contact_wishes_summary": "May contact by",
        }
        if field_name in labels:
            return labels[field_name]
        return super().get_field_label(field_name, field)

    def get_organisation_label_display_value(self):
        return self.object.organisation_label or "-"

    def get_result_in_full_display_value(self):
        context = result_context(self.object) if self.object.is_submitted else {}
        return render_to_string(
            "components/ladder/admin_result.html", {"assessment": self.object, **context}
        )


# Invitations ----------------------------------------------------------------------


class InvitationCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        instance = super().save_instance()
        send_invitation(instance, live_assessment_page(), self.request)
        return instance

    def get_success_message(self, instance):
        if not instance.email_safe:
            return (
                "Invitation saved. We have emailed the lead contact a private message that "
                f"names nothing. Tell them their reference, {instance.reference}, another way "
                "(by phone): their link asks for it."
            )
        return "Invitation saved. We have emailed the links to the lead contact."

    def get_success_url(self):
        return reverse("wagtailsnippets_ladder_invitation:inspect", args=(self.object.pk,))


class InvitationIndexView(SpreadsheetSafeExportMixin, IndexView):
    """Exports hold no lead contacts, so need no personal-data record."""


class InvitationInspectView(InspectView):
    """One invitation: its links, who answered (by relation), the combined result,
    the history for its scope and its publication requests."""

    template_name = "components/ladder/admin/invitation_inspect.html"

    def get_fields(self):
        fields = ["partner", "scope_kind", "scope_name", "status_label", "created_at"]
        fields.append("expires_at")
        if can_see_personal_data(self.request.user):
            fields += ["lead_name", "contact_email", "email_safe", "reference"]
        return fields

    def get_field_label(self, field_name, field):
        if field_name == "status_label":
            return "Links"
        return super().get_field_label(field_name, field)

    def get(self, request, *args, **kwargs):
        if can_see_personal_data(request.user):
            PersonalDataAccess.record(
                request, PersonalDataAccess.Action.VIEWED, Invitation, record_id=self.object.pk
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invitation = self.object
        rungs = list(Rung.objects.live())
        result = team_result_with_history(invitation, rungs)
        history = (
            Invitation.objects.filter(
                partner_id=invitation.partner_id,
                scope_kind=invitation.scope_kind,
                scope_name__iexact=invitation.scope_name,
            )
            .annotate(
                answered=Count(
                    "respondents",
                    filter=Q(respondents__assessment__status=SelfAssessment.Status.SUBMITTED),
                )
            )
            .order_by("created_at")
        )
        can_change = self.request.user.has_perm("ladder.change_invitation")
        context.update(
            invitation=invitation,
            result=result,
            team=result.team,
            change=result.change_since_previous(),
            history=list(history),
            publications=list(invitation.publications.order_by("-requested_at")),
            answer_url=answer_link(invitation, live_assessment_page(), self.request),
            can_change=can_change and not invitation.is_revoked,
            revoke_url=reverse("wagtailsnippets_ladder_invitation:revoke", args=(invitation.pk,)),
            resend_url=reverse("wagtailsnippets_ladder_invitation:resend", args=(invitation.pk,)),
        )
        return context


def _invitation_for_change(request, pk):
    if not request.user.has_perm("ladder.change_invitation"):
        raise PermissionDenied
    return get_object_or_404(Invitation, pk=pk)


@require_POST
def revoke_invitation(request, pk):
    """Switch both links off for good; a published rung from it stops showing."""
    invitation = _invitation_for_change(request, pk)
    if not invitation.is_revoked:
        invitation.revoke()
        log(instance=invitation, action=LOG_REVOKED, user=request.user)
        messages.success(request, f"{invitation} is revoked. Its links no longer work.")
    return redirect("wagtailsnippets_ladder_invitation:inspect", invitation.pk)


@require_POST
def resend_invitation(request, pk):
    invitation = _invitation_for_change(request, pk)
    if invitation.is_revoked:
        messages.error(request, "A revoked invitation's links do not work, so we did not send it.")
    else:
        send_invitation(invitation, live_assessment_page(), request)
        messages.success(request, "We have emailed the links to the lead contact again.")
    return redirect("wagtailsnippets_ladder_invitation:inspect", invitation.pk)
