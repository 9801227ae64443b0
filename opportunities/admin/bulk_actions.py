"""Bulk actions on expressions of interest: change status (counting places under
a lock, optionally emailing the status message) and delete, for the Personal
data group only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from opportunities.admin.permissions import interest_policy
from opportunities.choices import InterestStatus
from opportunities.interest import services
from opportunities.models.interest import ExpressionOfInterest


class ChangeStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="New status",
        choices=InterestStatus.choices,
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
        if not interest_policy.user_has_permission(request.user, self.required_permission):
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
        return interest_policy.user_has_permission(self.request.user, "change")

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "status": self.cleaned_form.cleaned_data["status"],
            "send_message": self.cleaned_form.cleaned_data["send_message"],
            "request": self.request,
        }

    @classmethod
    def execute_action(cls, objects, user=None, status=None, send_message=False, request=None):
        result = services.change_status(objects, status, user=user, send_message=send_message)
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
        opts = ExpressionOfInterest._meta
        name = opts.verbose_name if num_parent_objects == 1 else opts.verbose_name_plural
        return f"Status changed for {num_parent_objects} {name}."


class DeleteInterestBulkAction(PersonalDataBulkActionMixin, DeleteBulkAction):
    required_permission = "delete"
    models = [ExpressionOfInterest]
