"""Expressions of interest in the Wagtail admin, for the Personal data group only.

Every URL (listing, inspect, edit, delete, history, usage, export, chooser)
goes through the model's permissions, which only the Personal data group
and superusers hold. Opening a record and exporting are recorded in the
personal data access log. Searching uses the database (ORM), never the
search index, so no personal data is copied into it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from home.exports import SpreadsheetSafeExportMixin
from home.models import PersonalDataAccess, SiteSettings
from opportunities import interest
from opportunities.models import ExpressionOfInterest

Status = ExpressionOfInterest.Status


def record_view(request, record):
    PersonalDataAccess.record(
        request, PersonalDataAccess.Action.VIEWED, ExpressionOfInterest, record_id=record.pk
    )


class InterestIndexView(SpreadsheetSafeExportMixin, IndexView):
    personal_data = True


class InterestInspectView(InspectView):
    def get(self, request, *args, **kwargs):
        record_view(request, self.object)
        return super().get(request, *args, **kwargs)


class InterestEditView(EditView):
    def get(self, request, *args, **kwargs):
        record_view(request, self.object)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        """A selection made here is counted under the same lock as bulk changes."""
        new_status = form.cleaned_data.get("status")
        if "status" not in form.changed_data:
            return super().form_valid(form)
        try:
            with transaction.atomic():
                opportunity = interest.lock_opportunity(self.object.opportunity_id)
                if (
                    new_status == Status.SELECTED
                    and opportunity.places
                    and interest.places_taken(opportunity) >= opportunity.places
                ):
                    raise interest.PlacesFull(
                        f"All {opportunity.places} places are already taken. "
                        "Change someone else's status first."
                    )
                form.instance.status_changed_at = timezone.now()
                response = super().form_valid(form)
        except interest.PlacesFull as full:
            form.add_error("status", str(full))
            self.produced_error_message = str(full)
            return self.form_invalid(form)
        return response


class PersonalDataOnlyMixin:
    """Refuse the chooser's views to anyone who may not see these records."""

    def dispatch(self, request, *args, **kwargs):
        if not ExpressionOfInterestViewSet.permission_policy_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProtectedChooseView(PersonalDataOnlyMixin, snippet_chooser.ChooseView):
    pass


class ProtectedChooseResultsView(PersonalDataOnlyMixin, snippet_chooser.ChooseResultsView):
    pass


class ProtectedChosenView(PersonalDataOnlyMixin, snippet_chooser.SnippetChosenView):
    pass


class ProtectedChosenMultipleView(PersonalDataOnlyMixin, snippet_chooser.SnippetChosenMultipleView):
    pass


class InterestChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    """Wagtail's snippet choosers only ask for admin access; these records need more."""

    choose_view_class = ProtectedChooseView
    choose_results_view_class = ProtectedChooseResultsView
    chosen_view_class = ProtectedChosenView
    chosen_multiple_view_class = ProtectedChosenMultipleView


class ExpressionOfInterestViewSet(SnippetViewSet):
    model = ExpressionOfInterest
    icon = "user"
    menu_label = "Expressions of interest"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "expressions-of-interest"
    admin_url_namespace = "expressions_of_interest"
    index_view_class = InterestIndexView
    inspect_view_class = InterestInspectView
    edit_view_class = InterestEditView
    chooser_viewset_class = InterestChooserViewSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "reference",
        "opportunity_title",
        Column("status", label="Status", accessor="get_status_display", sort_key="status"),
        "contact_method",
        Column("created_at", label="Sent", sort_key="created_at"),
        Column("message_sent_for", label="Message sent"),
    ]
    list_filter = ["opportunity", "status", "contact_method", "created_at", "wants_outcome"]
    # ORM search (the model is not indexed): nothing personal goes into the search index.
    search_fields = ["reference", "name", "contact_detail", "opportunity_title"]
    ordering = ["-created_at"]
    list_export = [
        "reference",
        "opportunity_title",
        "status",
        "created_at",
        "name",
        "on_behalf_of_name",
        "contact_method",
        "contact_detail",
        "safe_to_leave_message",
        "access_needs",
        "anything_else",
        "wants_outcome",
        "editor_note",
        "message_sent_for",
    ]
    export_filename = "expressions-of-interest"
    inspect_view_fields = [
        "reference",
        "opportunity",
        "opportunity_title",
        "created_at",
        "status",
        "status_changed_at",
        "name",
        "on_behalf_of",
        "on_behalf_of_name",
        "contact_method",
        "contact_detail",
        "safe_to_leave_message",
        "access_needs",
        "anything_else",
        "wants_outcome",
        "editor_note",
        "message_sent_for",
        "message_sent_at",
        "outcome_notice_sent_at",
        "token_expires_at",
    ]
    panels = [
        HelpPanel(
            content=(
                "<p>Selected people count towards the opportunity's places. To email the "
                "status message, use 'Change status' on the list (tick the people first).</p>"
            )
        ),
        FieldPanel("status"),
        FieldPanel("editor_note"),
    ]

    @staticmethod
    def permission_policy_for(user):
        return user.has_perm("opportunities.view_expressionofinterest") or user.has_perm(
            "opportunities.change_expressionofinterest"
        )


class NoAddingByHandPolicy(ModelPermissionPolicy):
    """Records come only from the public form: nobody, superusers included, adds one."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ExpressionOfInterest, NoAddingByHandPolicy(ExpressionOfInterest))
register_snippet(ExpressionOfInterestViewSet)


# Bulk status changes ------------------------------------------------------------


class ChangeStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="New status",
        choices=Status.choices,
        help_text="Selected people count towards the places; you cannot select more.",
    )
    send_message = forms.BooleanField(
        label="Email the status message to people who gave an email address",
        required=False,
        help_text=(
            "Only for 'Selected' and 'Not selected'. The words come from Settings > "
            "Interest messages. People who gave a phone number need a call or text."
        ),
    )


class PersonalDataBulkActionMixin:
    """Bulk action pages answer 403 to anyone without the permission, not a
    confirmation page listing records they may not see."""

    required_permission = "change"

    def dispatch(self, request, *args, **kwargs):
        codename = f"opportunities.{self.required_permission}_expressionofinterest"
        if not request.user.has_perm(codename):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChangeStatusBulkAction(PersonalDataBulkActionMixin, SnippetBulkAction):
    display_name = "Change status"
    action_type = "change_status"
    aria_label = "Change the status of the selected expressions of interest"
    template_name = "components/opportunities/admin/confirm_change_status.html"
    action_priority = 10
    models = [ExpressionOfInterest]
    form_class = ChangeStatusForm

    def check_perm(self, obj):
        return self.request.user.has_perm("opportunities.change_expressionofinterest")

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "status": self.cleaned_form.cleaned_data["status"],
            "send_message": self.cleaned_form.cleaned_data["send_message"],
            "request": self.request,
        }

    @classmethod
    def execute_action(cls, objects, user=None, status=None, send_message=False, request=None):
        result = interest.change_status(objects, status, user=user, send_message=send_message)
        for refused in result.refused:
            messages.error(request, refused)
        if result.emailed:
            messages.info(request, f"Status message emailed to {result.emailed}.")
        if result.to_call:
            messages.warning(
                request,
                f"{result.to_call} gave a phone number: call or text them to tell them.",
            )
        return result.changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"Status changed for {num_parent_objects}."


class DeleteInterestBulkAction(PersonalDataBulkActionMixin, DeleteBulkAction):
    required_permission = "delete"
    models = [ExpressionOfInterest]


hooks.register("register_bulk_action", ChangeStatusBulkAction)
# Registered after Wagtail's own snippet delete action (order), so it replaces it here.
hooks.register("register_bulk_action", DeleteInterestBulkAction, order=100)


# The audit trail ---------------------------------------------------------------


@hooks.register("register_log_actions")
def register_interest_log_actions(actions):
    @actions.register_action(interest.STATUS_LOG_ACTION)
    class StatusChanged(LogFormatter):
        label = "Change status"

        def format_message(self, log_entry):
            labels = dict(Status.choices)
            data = log_entry.data or {}
            who = " by the person, using their private link" if data.get("by_person") else ""
            return (
                f"Status changed from {labels.get(data.get('from'), data.get('from'))} "
                f"to {labels.get(data.get('to'), data.get('to'))}{who}"
            )


# Subject access and erasure requests ----------------------------------------------


class PersonalDataRequestForm(forms.Form):
    email = forms.EmailField(label="Email address", required=False)
    phone = forms.CharField(label="Phone number", required=False, max_length=40)

    def clean(self):
        data = super().clean()
        if not data.get("email") and not (data.get("phone") or "").strip():
            raise forms.ValidationError("Give an email address or a phone number (or both).")
        return data


def can_answer_requests(user):
    return user.is_superuser or (
        user.has_perm("opportunities.view_expressionofinterest")
        and user.has_perm("opportunities.delete_expressionofinterest")
    )


@sensitive_post_parameters()
def personal_data_request_view(request):
    """Find everything held for an email or phone; download it; erase it."""
    if not can_answer_requests(request.user):
        raise PermissionDenied
    from opportunities import personal_data

    form = PersonalDataRequestForm(request.POST or None)
    matches = None
    if request.method == "POST" and form.is_valid():
        email, phone = form.cleaned_data["email"], form.cleaned_data["phone"]
        matches = personal_data.find(email=email, phone=phone)
        action = request.POST.get("action", "search")
        if action == "export":
            personal_data.record_request(request.user, PersonalDataAccess.Action.EXPORTED, matches)
            response = HttpResponse(
                personal_data.export(matches), content_type="application/json; charset=utf-8"
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            response["Cache-Control"] = "no-store"
            return response
        if action == "erase":
            if request.POST.get("confirm") != "yes":
                messages.error(request, "Tick the box to confirm before erasing.")
            else:
                erased = personal_data.erase(matches)
                personal_data.record_request(
                    request.user,
                    PersonalDataAccess.Action.ERASED,
                    matches,
                    detail=f"{erased} erased",
                )
                messages.success(request, f"Erased {erased} record(s).")
                matches = personal_data.find(email=email, phone=phone)
        else:
            personal_data.record_request(request.user, PersonalDataAccess.Action.SEARCHED, matches)
    response = TemplateResponse(
        request,
        "components/opportunities/admin/personal_data_request.html",
        {"form": form, "matches": matches, "header_icon": "user"},
    )
    response["Cache-Control"] = "no-store"
    return response


@hooks.register("register_admin_urls")
def register_personal_data_request_url():
    return [
        path(
            "personal-data-request/",
            personal_data_request_view,
            name="personal_data_request",
        )
    ]


class PersonalDataRequestMenuItem(MenuItem):
    def is_shown(self, request):
        return can_answer_requests(request.user)


@hooks.register("register_settings_menu_item")
def register_personal_data_request_menu_item():
    return PersonalDataRequestMenuItem(
        "Personal data request",
        reverse("personal_data_request"),
        icon_name="user",
        order=900,
    )


# Dashboard -------------------------------------------------------------------------

AWAITING_LIMIT = 10


class AwaitingReplyPanel(Component):
    """Dashboard: new expressions of interest, oldest first, against the
    reply-time promise. Shows references only, never names."""

    name = "interest_awaiting_reply"
    template_name = "components/opportunities/admin/awaiting_reply.html"
    order = 110

    def get_context_data(self, parent_context):
        promise = SiteSettings.load().reply_time_working_days
        today = timezone.localdate()
        waiting = ExpressionOfInterest.objects.filter(status=Status.NEW).order_by("created_at")
        rows = []
        for record in waiting[:AWAITING_LIMIT]:
            due = interest.add_working_days(timezone.localdate(record.created_at), promise)
            rows.append({"record": record, "due": due, "late": due < today})
        return {"rows": rows, "total": waiting.count(), "promise": promise}


@hooks.register("construct_homepage_panels")
def add_awaiting_reply_panel(request, panels):
    if request.user.has_perm("opportunities.view_expressionofinterest"):
        panels.append(AwaitingReplyPanel())
