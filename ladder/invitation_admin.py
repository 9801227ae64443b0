"""Invitations and publication requests in the Wagtail admin.

- *Ladder managers* create invitations (which emails the lead contact the
  links), read them, send the email again and revoke them.
- Lead contacts' names and emails are personal data: only users with
  ``ladder.view_lead_contact`` (the *Personal data* group) see them after
  creation, and each look is recorded in the personal data access log.
- *Moderators* approve or decline publication requests. Requests cannot be
  added or edited by anyone: they come only from the lead contact's link.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import CreateView, IndexView, InspectView, SnippetViewSet

from home.exports import SpreadsheetSafeExportMixin
from home.models import PersonalDataAccess
from ladder import invitations
from ladder.models import Invitation, Publication, Rung, SelfAssessment
from ladder.team_results import team_result_with_history

LEAD_CONTACT_PERMISSION = "ladder.view_lead_contact"
DECIDE_PERMISSION = "ladder.decide_publication"


def can_see_lead_contact(user):
    return user.has_perm(LEAD_CONTACT_PERMISSION)


# Invitations -----------------------------------------------------------------

CREATE_PANELS = [
    HelpPanel(
        content=(
            "<p>When you save, we email the lead contact two links: one to share with "
            "everyone who answers, and one for them alone to see the combined result. "
            "Edit the email's words in Settings → Ladder invitations.</p>"
        )
    ),
    FieldPanel("partner"),
    MultiFieldPanel(
        [FieldPanel("scope_kind", widget=forms.RadioSelect), FieldPanel("scope_name")],
        heading="What they assess",
    ),
    MultiFieldPanel([FieldPanel("lead_name"), FieldPanel("lead_email")], heading="Lead contact"),
    FieldPanel("expires_at"),
]

EDIT_PANELS = [
    FieldPanel("partner", read_only=True),
    MultiFieldPanel(
        [FieldPanel("scope_kind", widget=forms.RadioSelect), FieldPanel("scope_name")],
        heading="What they assess",
    ),
    MultiFieldPanel(
        [
            FieldPanel("lead_name", permission=LEAD_CONTACT_PERMISSION),
            FieldPanel("lead_email", permission=LEAD_CONTACT_PERMISSION),
        ],
        heading="Lead contact (Personal data group only)",
    ),
    FieldPanel("expires_at"),
]


class InvitationCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        instance = super().save_instance()
        invitations.send_invitation(instance, self.request)
        return instance

    def get_success_message(self, instance):
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
        if can_see_lead_contact(self.request.user):
            fields += ["lead_name", "lead_email"]
        return fields

    def get_field_label(self, field_name, field):
        if field_name == "status_label":
            return "Links"
        return super().get_field_label(field_name, field)

    def get(self, request, *args, **kwargs):
        if can_see_lead_contact(request.user):
            PersonalDataAccess.record(
                request, PersonalDataAccess.Action.VIEWED, Invitation, record_id=self.object.pk
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invitation = self.object
        rungs = list(Rung.objects.all())
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
            answer_url=invitations.answer_link(invitation, self.request),
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
        log(instance=invitation, action=invitations.LOG_REVOKED, user=request.user)
        messages.success(request, f"{invitation} is revoked. Its links no longer work.")
    return redirect("wagtailsnippets_ladder_invitation:inspect", invitation.pk)


@require_POST
def resend_invitation(request, pk):
    invitation = _invitation_for_change(request, pk)
    if invitation.is_revoked:
        messages.error(request, "A revoked invitation's links do not work, so we did not send it.")
    else:
        invitations.send_invitation(invitation, request)
        messages.success(request, "We have emailed the links to the lead contact again.")
    return redirect("wagtailsnippets_ladder_invitation:inspect", invitation.pk)


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    icon = "mail"
    menu_label = "Invitations"
    add_view_class = InvitationCreateView
    index_view_class = InvitationIndexView
    inspect_view_enabled = True
    inspect_view_class = InvitationInspectView
    copy_view_enabled = False
    edit_handler = ObjectList(EDIT_PANELS)
    list_display = [
        "__str__",
        "partner",
        Column("status_label", label="Links"),
        Column("answered", label="Answers", sort_key="answered"),
        Column("created_at", label="Created", sort_key="created_at"),
        "expires_at",
    ]
    list_filter = ["partner", "scope_kind", "created_at"]
    # Searched in the database; nothing here goes into the search index.
    search_backend_name = None
    search_fields = ["scope_name", "partner__title"]
    ordering = ["-created_at"]
    list_export = [
        "pk",
        "partner",
        "scope_kind",
        "scope_name",
        "status_label",
        "answered",
        "created_at",
        "expires_at",
    ]
    export_headings = {"pk": "Reference", "status_label": "Links", "answered": "Answers"}
    export_filename = "ladder-invitations"

    def get_queryset(self, request):
        return Invitation.objects.select_related("partner").annotate(
            answered=Count(
                "respondents",
                filter=Q(respondents__assessment__status=SelfAssessment.Status.SUBMITTED),
            )
        )

    def get_add_view_kwargs(self, **kwargs):
        handler = ObjectList(CREATE_PANELS).bind_to_model(Invitation)
        return super().get_add_view_kwargs(
            panel=handler, form_class=handler.get_form_class(), **kwargs
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", revoke_invitation, name="revoke"),
            path("resend/<int:pk>/", resend_invitation, name="resend"),
        ]


# Publication requests ----------------------------------------------------------


class DecisionOnlyPolicy(ModelPermissionPolicy):
    """Requests come from lead contacts and change only by decision: nobody,
    superusers included, adds, edits or deletes them in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Publication, DecisionOnlyPolicy(Publication))


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
            current=invitations.current_publication(publication.invitation.partner),
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
            invitations.approve(publication, request.user, request)
            messages.success(
                request,
                f"Published: {publication.invitation.partner.title}'s profile now shows "
                f"rung {publication.rung_level}, {publication.rung_name}. "
                "We have emailed the lead contact.",
            )
        else:
            form = DeclineForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            invitations.decline(publication, request.user, reason, request)
            messages.success(request, "Declined. We have emailed the lead contact.")
    except invitations.PublicationRefused as refused:
        messages.error(request, str(refused))
    return redirect("wagtailsnippets_ladder_publication:inspect", publication.pk)


@require_POST
def approve_publication(request, pk):
    return _decide(request, pk, "approve")


@require_POST
def decline_publication(request, pk):
    return _decide(request, pk, "decline")


class PublicationViewSet(SnippetViewSet):
    model = Publication
    icon = "success"
    menu_label = "Publication requests"
    inspect_view_enabled = True
    inspect_view_class = PublicationInspectView
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("partner_name", label="Partner", accessor="invitation.partner.title"),
        Column("scope", label="What was assessed", accessor="invitation.scope_label"),
        Column("rung_level", label="Rung", sort_key="rung_level"),
        Column("status", label="Status", accessor="get_status_display", sort_key="status"),
        Column("requested_at", label="Asked", sort_key="requested_at"),
    ]
    list_filter = ["status"]
    search_backend_name = None
    search_fields = ["invitation__partner__title", "invitation__scope_name"]
    ordering = ["-requested_at"]

    def get_queryset(self, request):
        return Publication.objects.select_related("invitation__partner")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("approve/<int:pk>/", approve_publication, name="approve"),
            path("decline/<int:pk>/", decline_publication, name="decline"),
        ]
