"""Exports of personal records: safe to open in a spreadsheet, and recorded."""

from home.exports import SpreadsheetSafeExportMixin
from privacy.models import PersonalDataAccess


class RecordedExportMixin(SpreadsheetSafeExportMixin):
    """For a Wagtail IndexView of personal records: formula-safe cells, and a
    personal data access record for every export (who, when, what, how many)."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        PersonalDataAccess.record(
            self.request,
            PersonalDataAccess.Action.EXPORTED,
            queryset.model,
            count=queryset.count(),
            detail=spreadsheet_format,
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)
