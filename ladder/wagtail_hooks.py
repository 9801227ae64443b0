"""The ladder in the admin: rungs, the questionnaire and assessments.

Everything here is for *Ladder managers* (their group holds the model
permissions); assessments' contact emails are shown only to *Personal data*.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    IndexView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from home.exports import SpreadsheetSafeExportMixin
from ladder.invitation_admin import InvitationViewSet, PublicationViewSet
from ladder.models import Questionnaire, Rung, SelfAssessment

PERSONAL_DATA_GROUP = "Personal data"


def can_see_personal_data(user):
    return user.is_superuser or user.groups.filter(name=PERSONAL_DATA_GROUP).exists()


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


@hooks.register("before_bulk_action")
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


class RungViewSet(SnippetViewSet):
    model = Rung
    icon = "order"
    menu_label = "Rungs"
    list_display = ["level", "name", "band", "short_description"]
    list_filter = ["band"]
    search_fields = ["name"]
    # Rungs are dragged into order in the list; that rewrites ``level``.
    sort_order_field = "level"
    ordering = ["level"]
    delete_view_class = RungDeleteView


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "list-ol"
    menu_label = "Questionnaire"
    # Wagtail's own "Updated" column (the model has no 'latest_revised_at').
    list_display = ["title", "live", UpdatedAtColumn()]


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
            "version",
            "created_at",
            "submitted_at",
            "overall_rung",
            "result_in_full",
        ]
        if not can_see_personal_data(self.request.user):
            fields.remove("contact_email")
        return fields

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.object.contact_email and "contact_email" in self.fields:
            from home.models import PersonalDataAccess

            PersonalDataAccess.record(
                request, PersonalDataAccess.Action.VIEWED, SelfAssessment, record_id=self.object.pk
            )
        return response

    def get_field_label(self, field_name, field):
        labels = {"organisation_label": "Organisation", "result_in_full": "Result"}
        if field_name in labels:
            return labels[field_name]
        return super().get_field_label(field_name, field)

    def get_organisation_label_display_value(self):
        return self.object.organisation_label or "-"

    def get_result_in_full_display_value(self):
        from ladder.journey import result_context

        context = result_context(self.object) if self.object.is_submitted else {}
        return render_to_string(
            "components/ladder/admin_result.html", {"assessment": self.object, **context}
        )


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


register_snippet(LadderGroup)

# Invitations, publication on profiles and the network report; the dashboard's
# recent self-assessments (ladder/dashboard.py).
from ladder import dashboard, invitation_hooks  # noqa: E402, F401
