"""Any search as a file: CSV (for Excel in Dutch), XLSX and JSON, streamed.

One row per published practice with every public column of a sheet (practices.columns): the
same columns, headings and cell forms as the editors' export and import, so a public file can
be imported as it is. The rows come from one statement read in chunks.
"""

import datetime
import json

from django.conf import settings

from practices import spreadsheets
from practices.columns import PUBLIC_COLUMNS, table_rows


def export_rows(practices, *, site_url):
    """Dicts of the public columns for the practices of this queryset, in its order."""
    return table_rows(practices, site_url=site_url, media_url=settings.MEDIA_URL)


def csv_chunks(rows):
    return spreadsheets.csv_chunks(PUBLIC_COLUMNS, rows)


def xlsx_file(rows):
    return spreadsheets.xlsx_file(PUBLIC_COLUMNS, rows)


def json_chunks(rows, *, meta):
    yield '{"meta": ' + json.dumps(meta, ensure_ascii=False) + ', "praktijken": ['
    for n, row in enumerate(rows):
        record = {column.key: _json(row[column.key]) for column in PUBLIC_COLUMNS}
        yield ("," if n else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


def _json(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value
