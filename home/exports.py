"""Spreadsheet exports that are safe to open.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run as a formula by Excel, LibreOffice and Google Sheets ("CSV
injection"). Someone could type ``=HYPERLINK(...)`` into a public form; the
export must show it as text. ``spreadsheet_safe`` prefixes such cells with an
apostrophe, which spreadsheets hide and treat as "this is text".
"""

import csv

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Echo:
    def write(self, value):
        return value


def csv_response(filename, header, rows):
    """Stream ``rows`` (iterables of values) as a spreadsheet-safe CSV download."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # byte-order mark: Excel then reads the file as UTF-8
        yield writer.writerow([spreadsheet_safe(cell) for cell in header])
        for row in rows:
            yield writer.writerow([spreadsheet_safe(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


class SpreadsheetSafeExportMixin:
    """For a Wagtail IndexView with ``list_export``: formula-safe CSV and XLSX
    cells. Exports of personal records are also recorded: use
    ``privacy.exports.RecordedExportMixin`` for those."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
