"""Tables of sheets as files people open: CSV for Excel in Dutch, and XLSX.

Both take columns (practices.columns.Column) and rows of values keyed by column. Neither lets
a text become a formula: in a CSV a text that starts like one is kept as text behind an
apostrophe (as spreadsheets write it themselves); in XLSX the cell is typed as text. An XLSX
has a frozen, filtered header, column widths, real dates and clickable web addresses."""

import csv
import datetime
import tempfile

from practices.columns import NAMES

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(column, value):
    """A value as its cell shows it: names on one line, lists one item per line."""
    if value is None:
        return ""
    if column.kind == "names":
        return NAMES.join(value)
    if column.kind == "lines":
        return "\n".join(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def inert(text):
    """A text that starts like a formula, kept as text (an apostrophe before it)."""
    if text[:1] in FORMULA_STARTS:
        return "'" + text
    return text


class _Echo:
    def write(self, value):
        return value


def csv_chunks(columns, rows):
    """UTF-8 with a byte-order mark and semicolons: Excel in Dutch opens it as it is."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow([column.heading for column in columns])
    for row in rows:
        yield writer.writerow([inert(cell_text(column, row[column.key])) for column in columns])


def xlsx_file(columns, rows, *, title="Praktijken", extra_sheets=(), validations=()):
    """A workbook written row by row (openpyxl's write-only mode) to a temporary file.
    `extra_sheets`: functions that each add a sheet to the workbook after the table;
    `validations`: openpyxl DataValidations (drop-down lists) for the table."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "B2"  # the header and the title stay in view
    for validation in validations:
        sheet.data_validations.append(validation)
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    link_font = Font(color="0563C1", underline="single")

    def header_cell(column):
        cell = WriteOnlyCell(sheet, value=column.heading)
        cell.font = bold
        return cell

    sheet.append([header_cell(column) for column in columns])
    count = 0
    for row in rows:
        cells = []
        for number, column in enumerate(columns, start=1):
            value = row[column.key]
            if column.kind == "date":
                cell = WriteOnlyCell(sheet, value=value)
                if value is not None:
                    cell.number_format = "yyyy-mm-dd"
            else:
                text = cell_text(column, value)
                cell = WriteOnlyCell(sheet, value=text or None)
                if text:
                    cell.data_type = "s"  # a text, even when it starts with '='
                    if column.kind == "url" and text.startswith(("https://", "http://")):
                        # The link's cell reference is taken where the cell will stand.
                        cell.row, cell.column = count + 2, number
                        cell.hyperlink = text
                        cell.font = link_font
                    elif column.kind == "lines":
                        cell.alignment = wrapped
            cells.append(cell)
        sheet.append(cells)
        count += 1
    last = get_column_letter(max(len(columns), 1))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    for add_sheet in extra_sheets:
        add_sheet(workbook)
    file = tempfile.TemporaryFile()  # noqa: SIM115 (the caller's response closes it)
    workbook.save(file)
    file.seek(0)
    return file
