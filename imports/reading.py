"""Reading the file an editor uploads: CSV (';' or ',', UTF-8 with or without a byte-order
mark, or Windows-1252) or XLSX, into its headings and rows of text.

Every limit is checked before the rows are parsed: the upload's size, an XLSX's unzipped size
(a small file can unzip to gigabytes), and the number of rows (reading stops one row past the
limit). Whatever is wrong comes back as a FileProblem with a Dutch message."""

import csv
import datetime
import io
import zipfile

from django.conf import settings

XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"


class FileProblem(ValueError):
    """The file cannot be read as a table; the message says why, in Dutch."""


def read_table(content):
    """(headings, rows): rows are lists of cell values (text, or a date from an XLSX), the
    empty rows left out; each row comes with its line number in the file."""
    if not content:
        raise FileProblem("Het bestand is leeg.")
    if len(content) > settings.IMPORT_MAX_BYTES:
        raise FileProblem(
            f"Het bestand is groter dan {settings.IMPORT_MAX_BYTES // 1_000_000} MB. "
            "Verdeel het over een paar kleinere bestanden."
        )
    if content.startswith(OLD_EXCEL_MAGIC):
        raise FileProblem(
            "Dit is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx) of als "
            "CSV en laad het opnieuw op."
        )
    lines = _xlsx_lines(content) if content.startswith(XLSX_MAGIC) else _csv_lines(content)
    headings, rows = None, []
    for number, cells in lines:
        values = [_cell(value) for value in cells]
        if not any(value not in ("", None) for value in values):
            continue
        if headings is None:
            headings = [str(value or "").strip() for value in values]
            continue
        if len(rows) >= settings.IMPORT_MAX_ROWS:
            raise FileProblem(
                f"Het bestand heeft meer dan {settings.IMPORT_MAX_ROWS:,} rijen. ".replace(",", ".")
                + "Verdeel het over een paar kleinere bestanden."
            )
        rows.append((number, values))
    if headings is None:
        raise FileProblem("Het bestand heeft geen kopregel met de namen van de kolommen.")
    if not rows:
        raise FileProblem("Het bestand heeft geen rijen onder de kopregel.")
    return headings, rows


def _cell(value):
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is None or isinstance(value, datetime.date):
        return value
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _decode(content):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileProblem(
        "De tekens in het bestand zijn niet te lezen. Sla het op als ‘CSV UTF-8’ of als "
        "Excel-werkmap (.xlsx)."
    )


def _csv_lines(content):
    text = _decode(content)
    if "\x00" in text:
        raise FileProblem("Dit is geen CSV- of Excel-bestand.")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as error:
        raise FileProblem(
            f"Regel {reader.line_num} van het bestand is geen geldige CSV ({error})."
        ) from error


def _xlsx_lines(content):
    from openpyxl import load_workbook

    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        unzipped = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileProblem("Dit Excel-bestand is beschadigd of onvolledig.") from error
    if unzipped > settings.IMPORT_MAX_UNZIPPED_BYTES:
        raise FileProblem(
            "Dit Excel-bestand is uitgepakt groter dan "
            f"{settings.IMPORT_MAX_UNZIPPED_BYTES // 1_000_000} MB. Verdeel het over een paar "
            "kleinere bestanden."
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        declared = sheet.max_row if sheet.max_row is not None else 0
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise FileProblem("Dit Excel-bestand is beschadigd of onvolledig.") from error
    if declared > settings.IMPORT_MAX_ROWS + 50:
        raise FileProblem(
            f"Het bestand heeft meer dan {settings.IMPORT_MAX_ROWS:,} rijen. ".replace(",", ".")
            + "Verdeel het over een paar kleinere bestanden."
        )
    try:
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    except Exception as error:
        raise FileProblem("Dit Excel-bestand is beschadigd of onvolledig.") from error
    finally:
        workbook.close()
