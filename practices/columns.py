"""A practice sheet as one row of a table: the columns every export writes and the editors'
import reads back (opendata's public files, the admin's export, the import and its template).

One list, COLUMNS, says which columns a sheet has, their Dutch headings and what kind of value
each holds; `table_rows()` reads the rows of any queryset in one statement (the taxonomy values,
places, contacts and links are gathered by the database as ordered string aggregates, read with
a cursor in chunks: memory does not grow with the number of practices).

How values sit in a cell, the same in every file:
- names of curated terms, keywords and organisations: ``Jongeren | Ouderen``;
- lists of texts (goals, places, links…): one item per line in the cell;
- a place: ``Gent (44021)`` (the register's NIS code), a place abroad by its name, a wider
  area as ``Gebied: Meer dan 30 gemeenten``;
- what happens per place and its contact: ``Gent (44021): …`` one line per place, a contact's
  parts as ``naam | e-mail | telefoon | webadres``;
- a link: ``titel | https://…``.
"""

import dataclasses

from django.db.models import Case, CharField, OuterRef, Subquery, TextField, Value, When
from django.db.models.aggregates import StringAgg
from django.db.models.functions import Cast, Coalesce, Concat, LPad, NullIf
from django.utils import timezone

from practices.models import Practice, PracticeLink, PracticeLocation, PracticeMaterial, Role
from practices.models.practice_parts import TaggedPractice

NAMES = " | "  # between names in a cell, and between the parts of a link or contact
AREA = "Gebied: "  # a wider area, as a place line
SEPARATOR = "\x1f"  # between aggregated values inside the database; never in a file
SORT_KEY_END = "\x1e"  # after an aggregated value's sort key, inside the database


@dataclasses.dataclass(frozen=True)
class Column:
    key: str
    heading: str
    kind: str = "text"  # text | names | lines | date | url
    public: bool = True  # in the public exports (the admin's has every column)
    imported: bool = True  # read back by the import (the others are facts of the databank)
    fields: tuple = ()  # the Practice fields and relations it carries (default: its key)
    aliases: tuple = ()  # other headings the import accepts for it
    width: int = 24  # a spreadsheet column's width, in characters

    @property
    def carries(self):
        return self.fields or (self.key,)


COLUMNS = [
    Column("title", "Titel", width=40, aliases=("titel",)),
    Column("url", "Webadres", "url", fields=("slug",), width=40, aliases=("slug",)),
    Column("status", "Status", public=False, width=14),
    Column("summary", "Samenvatting", width=50, aliases=("samenvatting",)),
    Column("description", "Beschrijving", width=60, aliases=("beschrijving",)),
    Column("category", "Categorie", aliases=("categorie",)),
    Column("target_groups", "Doelgroepen", "names", width=30, aliases=("doelgroepen",)),
    Column(
        "target_group_detail",
        "Doelgroep zoals de bron ze omschrijft",
        width=30,
        aliases=("doelgroep_zoals_de_bron",),
    ),
    Column("policy_domains", "Beleidsdomeinen", "names", width=30, aliases=("beleidsdomeinen",)),
    Column("actions", "Acties Plan Samenleven", "names", width=30, aliases=("acties",)),
    Column("goals", "Doelen", "lines", width=50, aliases=("doelen",)),
    Column("success_factors", "Succesfactoren", "lines", width=50, aliases=("succesfactoren",)),
    Column("challenges", "Uitdagingen", "lines", width=50, aliases=("uitdagingen",)),
    Column("keywords", "Trefwoorden", "names", fields=("tags",), width=30),
    Column(
        "places",
        "Gemeenten (NIS-code)",
        "lines",
        fields=("locations.municipality", "locations.area_label", "locations.position"),
        width=30,
        aliases=("gemeenten_nis", "Gemeenten"),
    ),
    Column(
        "place_descriptions",
        "Wat gebeurt er per gemeente",
        "lines",
        fields=("locations.description",),
        width=50,
    ),
    Column(
        "contacts",
        "Contact per gemeente",
        "lines",
        fields=(
            "locations.contact_name",
            "locations.contact_email",
            "locations.contact_phone",
            "locations.contact_url",
        ),
        width=50,
    ),
    Column("organisations", "Organisaties", "names", width=30),
    Column("sources", "Bronnen", "names", width=30),
    Column("links", "Links", "lines", width=40),
    Column("people", "Personen", "lines", imported=False, fields=("roles",), width=40),
    Column("evidence_level", "Onderbouwing", width=18, aliases=("onderbouwing",)),
    Column("evaluation_url", "Evaluatie", "url", width=30, aliases=("evaluatie",)),
    Column("life_status", "Loopt ze nog?", width=14, aliases=("loopt ze nog", "levensloop")),
    Column("ended_year", "Afgelopen of gestopt in", width=12, aliases=("gestopt in",)),
    Column("end_reason", "Waarom gestopt", width=40, aliases=("waarom gestopt",)),
    Column("lessons", "Wat ze leerden", width=40, aliases=("lessen",)),
    Column("cost_amount", "Kosten", width=30, aliases=("kostprijs",)),
    Column("cost_band", "Kostenschijf", width=18),
    Column("staff_time", "Personeel", width=30),
    Column("volunteers", "Vrijwilligers", width=30),
    Column("setup_time", "Voorbereiding", width=18),
    Column("run_time", "Looptijd", width=18),
    Column("partners_needed", "Nodige partners", width=40),
    Column("preconditions", "Randvoorwaarden", width=40),
    Column("materials", "Materiaal", "lines", width=40, aliases=("materialen",)),
    # Files the editors uploaded (with their address on the site); the import leaves them be.
    Column("material_files", "Materiaal om te downloaden", "lines", imported=False, width=40),
    Column(
        "situation",
        "Stand van zaken",
        fields=("situation_year", "situation_month"),
        width=14,
    ),
    Column("image", "Foto", "url", imported=False, width=30),
    Column("image_alt", "Foto: wat ze toont", width=30),
    Column("image_credit", "Foto: fotograaf of bron", width=24),
    Column(
        "earlier_listing",
        "Al in de vorige databank volgens",
        width=30,
        aliases=("vorige databank",),
    ),
    Column(
        "published_at",
        "In de databank sinds",
        "date",
        imported=False,
        width=14,
        aliases=("gepubliceerd op",),
    ),
    Column("content_changed_at", "Inhoud laatst gewijzigd", "date", imported=False, width=14),
    Column("created_at", "Aangemaakt op", "date", public=False, imported=False, width=14),
    Column("last_reviewed_on", "Laatst nagekeken op", "date", public=False, width=14),
    Column("review_due_on", "Nakijken tegen", "date", public=False, width=14),
]
PUBLIC_COLUMNS = [column for column in COLUMNS if column.public]
BY_KEY = {column.key: column for column in COLUMNS}
# Columns other apps add (evidence/: the latest assessment), registered from their
# AppConfig.ready(), so that this module imports none of them. By key: the expression that
# reads the value in the rows' one statement, and how that value becomes the cell.
MORE_COLUMNS = {}


def register_column(column, *, after, expression, cell=lambda value: value):
    """Add a column (never read back by the import) after the column `after`."""
    for columns in (COLUMNS, PUBLIC_COLUMNS) if column.public else (COLUMNS,):
        columns.insert([c.key for c in columns].index(after) + 1, column)
    BY_KEY[column.key] = column
    MORE_COLUMNS[column.key] = (expression, cell)


# What a sheet has that no file carries, and why (tests/test_sheet_columns.py holds every
# field of a practice to a column or to this list).
NOT_IN_FILES = {
    "id": "de databank nummert zelf",
    "search_vector": "berekend uit de tekst",
    "updated_at": "technisch: elke opslag, ook zonder andere inhoud",
    "tagged_items": "de trefwoorden zelf staan in de kolom Trefwoorden",
    "former_slugs": "oude webadressen blijven in de databank",
    "sessions": "werksessies hangen aan een activiteit, niet aan de fiche",
    "related_choices": "keuzes van de redactie voor ‘Vergelijkbare praktijken’ (de API toont "
    "het resultaat: related)",
}


def evidence_labels():
    return dict(Practice.Evidence.choices)


def cost_labels():
    return dict(Practice.CostBand.choices)


def life_labels():
    return dict(Practice.LifeStatus.choices)


def status_labels():
    return dict(Practice.Status.choices)


# Reading -------------------------------------------------------------------------------------


def aggregate(manager, practice_field, expression, order=()):
    """The values of `expression` over the practice's rows, joined by the database. With
    `order` (fields), each value is led by its sort key (SQLite before 3.44 cannot order an
    aggregate), which split() sorts on and removes."""
    if order:
        keys = [LPad(Cast(field, CharField()), 10, Value("0")) for field in order]
        expression = Concat(*keys, Value(SORT_KEY_END), expression, output_field=CharField())
    rows = (
        manager.filter(**{practice_field: OuterRef("pk")})
        .order_by()
        .values(practice_field)
        .annotate(joined=StringAgg(expression, Value(SEPARATOR)))
        .values("joined")
    )
    return Coalesce(Subquery(rows[:1]), Value(""), output_field=TextField())


def _names(field, value):
    """The values of a many-to-many field, joined by the database (split() sorts them)."""
    relation = Practice._meta.get_field(field)
    through = relation.remote_field.through
    target = relation.m2m_reverse_field_name()
    return aggregate(through.objects, "practice", f"{target}__{value}")


def place_expression():
    """'Gent (44021)', 'Utrecht' or 'Gebied: Meer dan 30 gemeenten', as a database value."""
    code = Case(
        When(municipality__nis_code="", then=Value("")),
        default=Concat(Value(" ("), "municipality__nis_code", Value(")")),
    )
    return Case(
        When(municipality__isnull=True, then=Concat(Value(AREA), "area_label")),
        default=Concat("municipality__name", code),
        output_field=CharField(),
    )


def _place_lines(queryset, value):
    expression = Concat(place_expression(), value, output_field=CharField())
    return aggregate(queryset, "practice", expression, ("position", "id"))


def _contact():
    parts = [Value(": ")]
    for n, part in enumerate(["contact_name", "contact_email", "contact_phone", "contact_url"]):
        parts += [Value(NAMES)] if n else []
        parts.append(part)
    return Concat(*parts, output_field=CharField())


def _people():
    return Concat(
        "person__name",
        Coalesce(Concat(Value(", "), NullIf("as_written", Value(""))), Value("")),
        output_field=CharField(),
    )


def table_rows(practices, *, site_url, media_url="/media/"):
    """Dicts keyed by column for the practices of this queryset, in its order: texts as
    they are, names and lines as lists, dates as dates."""
    located = PracticeLocation.objects
    annotated = practices.annotate(
        x_category=Coalesce("category__name", Value("")),
        x_target_groups=_names("target_groups", "name"),
        x_policy_domains=_names("policy_domains", "name"),
        x_actions=aggregate(
            Practice.actions.through.objects,
            "practice",
            Concat(
                Value("Actie "),
                Cast("action__number", CharField()),
                Value(" – "),
                "action__title",
                output_field=CharField(),
            ),
            ("action__number",),
        ),
        x_organisations=_names("organisations", "name"),
        x_sources=_names("sources", "title"),
        x_earlier_listing=Coalesce("earlier_listing__title", Value("")),
        x_keywords=aggregate(TaggedPractice.objects, "content_object", "tag__name"),
        x_places=_place_lines(located, Value("")),
        x_place_descriptions=_place_lines(
            located.exclude(description=""),
            Concat(Value(": "), "description", output_field=CharField()),
        ),
        x_contacts=_place_lines(
            located.exclude(contact_name="", contact_email="", contact_phone="", contact_url=""),
            _contact(),
        ),
        x_links=aggregate(
            PracticeLink.objects,
            "practice",
            Concat("title", Value(NAMES), "url", output_field=CharField()),
            ("position", "id"),
        ),
        x_material_files=aggregate(
            PracticeMaterial.objects,
            "practice",
            Concat(
                "title",
                Value(NAMES),
                Case(
                    When(file="", then="url"),
                    default=Concat(
                        Value(f"{site_url}{media_url}"),
                        Cast("file", CharField()),
                        output_field=CharField(),
                    ),
                    output_field=CharField(),
                ),
                output_field=CharField(),
            ),
            ("position", "id"),
        ),
        x_people=aggregate(
            Role.objects.filter(practice__isnull=False), "practice", _people(), ("position", "id")
        ),
        **{f"x_{key}": expression() for key, (expression, _) in MORE_COLUMNS.items()},
    )
    fields = [
        *(
            f.attname
            for f in Practice._meta.concrete_fields
            if f.attname not in ("search_vector", "category_id", "earlier_listing_id")
        ),
        *(name for name in annotated.query.annotations if name.startswith("x_")),
    ]
    evidence, status, life = evidence_labels(), status_labels(), life_labels()
    cost = cost_labels()
    for row in annotated.values(*fields).iterator(chunk_size=1000):
        year, month = row["situation_year"], row["situation_month"]
        yield {
            "title": row["title"],
            "url": f"{site_url}/praktijken/{row['slug']}/",
            "status": status.get(row["status"], row["status"]),
            "summary": row["summary"],
            "description": row["description"],
            "category": row["x_category"],
            "target_groups": split(row["x_target_groups"]),
            "target_group_detail": row["target_group_detail"],
            "policy_domains": split(row["x_policy_domains"]),
            "actions": split(row["x_actions"]),
            "goals": list(row["goals"] or []),
            "success_factors": list(row["success_factors"] or []),
            "challenges": list(row["challenges"] or []),
            "keywords": split(row["x_keywords"]),
            "places": split(row["x_places"]),
            "place_descriptions": split(row["x_place_descriptions"]),
            "contacts": [_without_empty_parts(line) for line in split(row["x_contacts"])],
            "organisations": split(row["x_organisations"]),
            "sources": split(row["x_sources"]),
            "links": split(row["x_links"]),
            "people": split(row["x_people"]),
            "evidence_level": evidence.get(row["evidence_level"], ""),
            "evaluation_url": row["evaluation_url"],
            "life_status": life.get(row["life_status"], ""),
            "ended_year": str(row["ended_year"] or ""),
            "end_reason": row["end_reason"],
            "lessons": row["lessons"],
            "cost_amount": row["cost_amount"],
            "cost_band": cost.get(row["cost_band"], ""),
            "staff_time": row["staff_time"],
            "volunteers": row["volunteers"],
            "setup_time": row["setup_time"],
            "run_time": row["run_time"],
            "partners_needed": row["partners_needed"],
            "preconditions": row["preconditions"],
            "materials": list(row["materials"] or []),
            "material_files": split(row["x_material_files"]),
            "situation": (f"{year}-{month:02}" if month else str(year)) if year else "",
            "image": f"{site_url}{media_url}{row['image']}" if row["image"] else "",
            "image_alt": row["image_alt"],
            "image_credit": row["image_credit"],
            "earlier_listing": row["x_earlier_listing"],
            "published_at": _date(row["published_at"]),
            "content_changed_at": _date(row["content_changed_at"]),
            "created_at": _date(row["created_at"]),
            "last_reviewed_on": row["last_reviewed_on"],
            "review_due_on": row["review_due_on"],
            **{key: cell(row[f"x_{key}"]) for key, (_, cell) in MORE_COLUMNS.items()},
        }


def split(joined):
    """The aggregated values: by their sort key where they have one (removed), else by name.
    A value is one line of its cell."""
    if not joined:
        return []
    values = sorted((value for value in joined.split(SEPARATOR) if value), key=str.casefold)
    return [" ".join(value.rpartition(SORT_KEY_END)[2].splitlines()) for value in values]


def _without_empty_parts(line):
    """'Gent (44021): Jan | | 09 … |' → 'Gent (44021): Jan | 09 …' (the import tells the
    parts apart by their form)."""
    place, _, contact = line.partition(": ")
    return f"{place}: " + NAMES.join(part for part in contact.split(NAMES) if part.strip())


def _date(moment):
    return timezone.localdate(moment) if moment else None
