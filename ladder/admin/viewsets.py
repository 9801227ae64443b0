"""The ladder's snippet viewsets, grouped under "Ladder" in the admin menu.

Everything here is for *Ladder managers* (their group holds the model
permissions), except deciding publication requests (*Moderators*).
"""

from django import forms
from django.db.models import Count, Q
from django.urls import path
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin.plain_words import YesNoColumn
from ladder.admin.decisions import (
    PublicationInspectView,
    approve_publication,
    decline_publication,
)
from ladder.admin.views import (
    InvitationCreateView,
    InvitationIndexView,
    InvitationInspectView,
    RungDeleteView,
    RungUnpublishView,
    SelfAssessmentIndexView,
    SelfAssessmentInspectView,
    resend_invitation,
    revoke_invitation,
)
from ladder.models.assessments import SelfAssessment
from ladder.models.invitations import Invitation
from ladder.models.publications import Publication
from ladder.models.questionnaire import Questionnaire
from ladder.models.rungs import Rung
from privacy.permissions import VIEW_PERSONAL_DATA


class RungChooserViewSet(SnippetChooserViewSet):
    """Choosing a rung (an opportunity's, a questionnaire answer's) offers published rungs only."""

    def get_object_list(self):
        return Rung.objects.live()


class RungViewSet(SnippetViewSet):
    model = Rung
    icon = "order"
    menu_label = "Rungs"
    chooser_viewset_class = RungChooserViewSet
    # The name is the link to the rung's edit view; drafts show their status.
    list_display = ["name", "level", "band", "short_description"]
    list_filter = ["band"]
    search_fields = ["name"]
    # Rungs are dragged into order in the list; that rewrites ``level``.
    sort_order_field = "level"
    ordering = ["level"]
    delete_view_class = RungDeleteView
    unpublish_view_class = RungUnpublishView


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "list-ol"
    menu_label = "Questionnaire"
    # Wagtail's own "Updated" column (the model has no 'latest_revised_at').
    list_display = ["title", YesNoColumn("live", label="Published"), UpdatedAtColumn()]


class SelfAssessmentViewSet(SnippetViewSet):
    model = SelfAssessment
    icon = "clipboard-list"
    menu_label = "Assessments"
    inspect_view_enabled = True
    inspect_view_class = SelfAssessmentInspectView
    index_view_class = SelfAssessmentIndexView
    list_display = [
        "__str__",
        Column("organisation_label", label="Organisation"),
        "scope_name",
        "overall_rung",
        "status",
        "submitted_at",
    ]
    list_filter = ["status", "overall_rung", "version", "partner", "submitted_at"]
    # Personal records are searched in the database, never copied into the search index.
    search_backend_name = None
    search_fields = ["organisation_name", "scope_name"]
    list_export = [
        "pk",
        "status",
        "organisation_label",
        "scope_type",
        "scope_name",
        "role",
        "took_part",
        "version",
        "overall_level",
        "overall_rung",
        "created_at",
        "submitted_at",
    ]
    export_headings = {"pk": "Reference", "organisation_label": "Organisation"}
    export_filename = "self-assessments"

    def get_queryset(self, request):
        return SelfAssessment.objects.select_related(
            "overall_rung", "partner", "version__questionnaire"
        )


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
    MultiFieldPanel(
        [FieldPanel("lead_name"), FieldPanel("contact_email"), FieldPanel("email_safe")],
        heading="Lead contact",
    ),
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
            FieldPanel("lead_name", permission=VIEW_PERSONAL_DATA),
            FieldPanel("contact_email", permission=VIEW_PERSONAL_DATA),
            FieldPanel("email_safe", permission=VIEW_PERSONAL_DATA),
        ],
        heading="Lead contact (Personal data group only)",
    ),
    FieldPanel("expires_at"),
]


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


class LadderGroup(SnippetViewSetGroup):
    menu_label = "Ladder"
    menu_icon = "order"
    menu_order = 250
    items = (
        RungViewSet,
        QuestionnaireViewSet,
        SelfAssessmentViewSet,
        InvitationViewSet,
        PublicationViewSet,
    )
