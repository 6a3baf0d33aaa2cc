"""Any search as a file: CSV (for Excel in Dutch), XLSX and JSON, streamed.

One row per published practice with every public field. The taxonomy values, places and
contacts are gathered by the database in the same statement (correlated string aggregates),
and the rows are read with a cursor in chunks: one query, and memory that does not grow with
the number of practices.
"""

import csv
import json
import tempfile

from django.db.models import CharField, OuterRef, Subquery, TextField, Value
from django.db.models.aggregates import StringAgg
from django.db.models.functions import Coalesce, Concat, NullIf

from practices.models import Practice, PracticeLocation
from practices.models.practice_parts import TaggedPractice

SEPARATOR = "\x1f"  # between values inside the database; never in the files
JOIN = " | "  # between values in a CSV or XLSX cell
CHUNK = 1000

# (key in JSON, column heading in CSV and XLSX)
COLUMNS = [
    ("title", "Titel"),
    ("url", "Webadres"),
    ("summary", "Samenvatting"),
    ("description", "Beschrijving"),
    ("category", "Categorie"),
    ("target_groups", "Doelgroepen"),
    ("target_group_detail", "Doelgroep zoals de bron ze omschrijft"),
    ("policy_domains", "Beleidsdomeinen"),
    ("actions", "Acties Plan Samenleven"),
    ("goals", "Doelen"),
    ("success_factors", "Succesfactoren"),
    ("challenges", "Uitdagingen"),
    ("keywords", "Trefwoorden"),
    ("places", "Gemeenten (NIS-code)"),
    ("contacts", "Contact per gemeente"),
    ("organisations", "Organisaties"),
    ("evidence_level", "Onderbouwing"),
    ("evaluation_url", "Evaluatie"),
    ("situation", "Stand van zaken"),
    ("published_at", "Gepubliceerd op"),
    ("content_changed_at", "Inhoud laatst gewijzigd"),
]
LISTS = {
    "target_groups",
    "policy_domains",
    "actions",
    "goals",
    "success_factors",
    "challenges",
    "keywords",
    "places",
    "contacts",
    "organisations",
}


def _names(field, value):
    """The values of a many-to-many field, joined by the database."""
    relation = Practice._meta.get_field(field)
    through = relation.remote_field.through
    target = relation.m2m_reverse_field_name()
    return _aggregate(through.objects, "practice", f"{target}__{value}")


def _aggregate(manager, practice_field, expression):
    rows = (
        manager.filter(**{practice_field: OuterRef("pk")})
        .order_by()
        .values(practice_field)
        .annotate(joined=StringAgg(expression, Value(SEPARATOR)))
        .values("joined")
    )
    return Coalesce(Subquery(rows[:1]), Value(""), output_field=TextField())


def _place():
    return Concat(
        Coalesce(NullIf("municipality__name", Value("")), "area_label"),
        Coalesce(
            Concat(Value(" ("), NullIf("municipality__nis_code", Value("")), Value(")")),
            Value(""),
        ),
        output_field=CharField(),
    )


def _contact():
    parts = ["contact_name", "contact_email", "contact_phone", "contact_url"]
    pieces = [Coalesce(NullIf("municipality__name", Value("")), "area_label"), Value(":")]
    for part in parts:
        pieces += [Value(" "), part]
    return Concat(*pieces, output_field=CharField())


def export_rows(practices, *, site_url):
    """Dicts in COLUMNS order for the practices of this queryset, in its order."""
    annotated = practices.annotate(
        x_category=Coalesce("category__name", Value("")),
        x_target_groups=_names("target_groups", "name"),
        x_policy_domains=_names("policy_domains", "name"),
        x_actions=_names("actions", "title"),
        x_organisations=_names("organisations", "name"),
        x_keywords=_aggregate(TaggedPractice.objects, "content_object", "tag__name"),
        x_places=_aggregate(PracticeLocation.objects, "practice", _place()),
        x_contacts=_aggregate(
            PracticeLocation.objects.exclude(
                contact_name="", contact_email="", contact_phone="", contact_url=""
            ),
            "practice",
            _contact(),
        ),
    )
    fields = [
        "slug",
        "title",
        "summary",
        "description",
        "target_group_detail",
        "goals",
        "success_factors",
        "challenges",
        "evidence_level",
        "evaluation_url",
        "situation_year",
        "situation_month",
        "published_at",
        "content_changed_at",
        *(name for name in annotated.query.annotations if name.startswith("x_")),
    ]
    evidence = dict(Practice._meta.get_field("evidence_level").choices)
    for row in annotated.values(*fields).iterator(chunk_size=CHUNK):
        year, month = row["situation_year"], row["situation_month"]
        yield {
            "title": row["title"],
            "url": f"{site_url}/praktijken/{row['slug']}/",
            "summary": row["summary"],
            "description": row["description"],
            "category": row["x_category"],
            "target_groups": _split(row["x_target_groups"]),
            "target_group_detail": row["target_group_detail"],
            "policy_domains": _split(row["x_policy_domains"]),
            "actions": _split(row["x_actions"]),
            "goals": list(row["goals"] or []),
            "success_factors": list(row["success_factors"] or []),
            "challenges": list(row["challenges"] or []),
            "keywords": _split(row["x_keywords"]),
            "places": _split(row["x_places"]),
            "contacts": [" ".join(c.split()) for c in _split(row["x_contacts"])],
            "organisations": _split(row["x_organisations"]),
            "evidence_level": evidence.get(row["evidence_level"], ""),
            "evaluation_url": row["evaluation_url"],
            "situation": (f"{year}-{month:02}" if month else str(year)) if year else "",
            "published_at": _date(row["published_at"]),
            "content_changed_at": _date(row["content_changed_at"]),
        }


def _split(joined):
    return sorted(value for value in joined.split(SEPARATOR) if value) if joined else []


def _date(moment):
    return moment.date().isoformat() if moment else ""


def _cells(row):
    return [_inert(JOIN.join(row[key]) if key in LISTS else row[key]) for key, _ in COLUMNS]


class _Echo:
    def write(self, value):
        return value


def csv_chunks(rows):
    """UTF-8 with a byte-order mark and semicolons: Excel in Dutch opens it as it is."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow([heading for _, heading in COLUMNS])
    for row in rows:
        yield writer.writerow(_cells(row))


def json_chunks(rows, *, meta):
    yield '{"meta": ' + json.dumps(meta, ensure_ascii=False) + ', "praktijken": ['
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"


def xlsx_file(rows):
    """A workbook written row by row (openpyxl's write-only mode) to a temporary file."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Praktijken")
    header = []
    for _, heading in COLUMNS:
        cell = WriteOnlyCell(sheet, value=heading)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append(_cells(row))
    file = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(file)
    file.seek(0)
    return file


def _inert(value):
    """A text that starts like a formula is kept as text, never run by a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
