"""One CSV writer for everything the admin exports (formula injection escaped in every cell).

Spreadsheet programs run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula (`=HYPERLINK(...)`, `=cmd|...`), and a registrant chooses what their name starts with. Every exported
cell therefore goes through `csv_safe`, which keeps such a cell text with a leading apostrophe (OWASP's
advice). Used by Wagtail's list export of the Network inbox listings (`SafeSpreadsheetExportMixin`) and by
the per-event registrations CSV.
"""

import csv

from django.http import HttpResponse

#: Spreadsheet programs run cells that start with these; a leading quote keeps them text.
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The cell as text, with a leading apostrophe where a spreadsheet would read a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(CSV_FORMULA_PREFIXES) else text


class SafeSpreadsheetExportMixin:
    """For Wagtail index views with `list_export`: every CSV cell (headings included) through `csv_safe`.

    The XLSX export is already safe: Wagtail writes formula-looking cells as strings there.
    """

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def get_heading(self, queryset, field):
        return csv_safe(super().get_heading(queryset, field))


def csv_response(filename, header, rows):
    """A CSV download of `rows` (lists of cells) under `header`, every cell through `csv_safe`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return response
