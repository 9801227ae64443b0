"""The admin's views of expressions of interest, for the Personal data group only.

Opening a record and exporting are recorded in the personal data access log,
and exports are safe to open in a spreadsheet. The snippet chooser's views,
which Wagtail opens to anyone with admin access, are refused to everyone else.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView

from opportunities.admin.permissions import may_see_expressions_of_interest
from opportunities.choices import InterestStatus
from opportunities.interest import services
from opportunities.models.interest import ExpressionOfInterest, places_taken
from privacy.exports import RecordedExportMixin
from privacy.models import PersonalDataAccess


def record_view(request, record):
    PersonalDataAccess.record(
        request, PersonalDataAccess.Action.VIEWED, ExpressionOfInterest, record_id=record.pk
    )


class InterestIndexView(RecordedExportMixin, IndexView):
    pass


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
                opportunity = services.lock_opportunity(self.object.opportunity_id)
                if (
                    new_status == InterestStatus.SELECTED
                    and opportunity.places
                    and places_taken(opportunity) >= opportunity.places
                ):
                    raise services.PlacesFull(
                        f"All {opportunity.places} places are already taken. "
                        "Change someone else's status first."
                    )
                form.instance.status_changed_at = timezone.now()
                response = super().form_valid(form)
        except services.PlacesFull as full:
            form.add_error("status", str(full))
            self.produced_error_message = str(full)
            return self.form_invalid(form)
        return response


class PersonalDataOnlyMixin:
    """Refuse the chooser's views to anyone who may not see these records."""

    def dispatch(self, request, *args, **kwargs):
        if not may_see_expressions_of_interest(request.user):
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
