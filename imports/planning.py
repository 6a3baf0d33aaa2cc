"""What each row of a file would do to which sheet: new, changed (and in which columns),
unchanged, or wrong (every problem of the row, each naming its column and value).

A row is about the sheet its *Webadres* names (the address of a sheet on this site, or its
slug); without one, about the sheet with exactly its *Titel*; otherwise it makes a new sheet.
A column the file does not have leaves that part of a sheet as it is, so a public export
(which has no status or review dates) can be imported as it is. Rows are read in chunks: a
fixed number of queries per chunk, whatever the file's size.
"""

import dataclasses
import itertools

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify

from evidence.models import Assessment
from imports.parsing import CellProblem, Vocabulary, match_headings, parse_cell
from imports.reading import FileProblem
from practices.columns import BY_KEY, COLUMNS, table_rows
from practices.models import Practice
from practices.models.start import START_FIELDS
from practices.spreadsheets import cell_text

CHUNK = 500
# Where a model field's error is shown: the column that carries it.
FIELD_COLUMNS = {field.split(".")[0]: column for column in COLUMNS for field in column.carries} | {
    "slug": BY_KEY["url"],
    "situation_year": BY_KEY["situation"],
}
# Columns whose lines name places: each must be one of the row's places.
PER_PLACE = ("place_descriptions", "contacts")
# Values written straight onto the practice (the rest: relations, see imports.writing).
PLAIN = (
    "title",
    "summary",
    "description",
    "target_group_detail",
    "goals",
    "success_factors",
    "challenges",
    "evaluation_url",
    "ended_year",
    "end_reason",
    "lessons",
    # 'Aan de slag' (the cost band is a choice, read below).
    *(name for name in START_FIELDS if name != "cost_band"),
    "image_alt",
    "image_credit",
    "last_reviewed_on",
    "review_due_on",
)


@dataclasses.dataclass
class RowPlan:
    line: int
    values: dict  # column key → canonical value, for the columns the file has
    practice: Practice | None = None  # the sheet it changes, or the new one (unsaved)
    is_new: bool = False
    changes: list = dataclasses.field(default_factory=list)  # column keys
    errors: list = dataclasses.field(default_factory=list)  # {column, value, message}
    raw: dict = dataclasses.field(default_factory=dict)  # column key → the cell as written
    current_places: list = dataclasses.field(default_factory=list)  # place labels now
    assessed: bool = False  # the sheet has an evidence assessment, which sets its level

    @property
    def action(self):
        if self.errors:
            return "error"
        if self.is_new:
            return "new"
        return "changed" if self.changes else "unchanged"

    @property
    def title(self):
        if self.values.get("title"):
            return self.values["title"]
        return self.practice.title if self.practice else ""

    def add_error(self, key, message):
        column = BY_KEY.get(key)
        value = self.raw.get(key, "")
        self.errors.append(
            {
                "column": column.heading if column else "Fiche",
                "value": _short("" if value is None else value),
                "message": message,
            }
        )

    def report(self):
        return {
            "line": self.line,
            "title": self.title,
            "action": self.action,
            "changes": [BY_KEY[key].heading for key in self.changes],
            "errors": self.errors,
            "url": (
                reverse("admin:practices_practice_change", args=[self.practice.pk])
                if self.practice and self.practice.pk
                else ""
            ),
        }


def _short(text):
    text = " ".join(str(text).split())
    return text if len(text) <= 80 else text[:79] + "…"


def file_columns(headings):
    """({position: column}, [headings left out]) for the columns an import reads."""
    try:
        found, unknown = match_headings(headings)
    except CellProblem as error:
        raise FileProblem(str(error)) from error
    read = {position: column for position, column in found.items() if column.imported}
    left_out = unknown + [column.heading for column in found.values() if not column.imported]
    keys = {column.key for column in read.values()}
    if not keys & {"title", "url"}:
        raise FileProblem(
            "Het bestand heeft geen kolom ‘Titel’ of ‘Webadres’: gebruik de kopregel van het "
            "importsjabloon of van een export."
        )
    return read, left_out


def plan_rows(headings, rows, *, progress=None):
    """A RowPlan per row of the file, in its order; `progress(n)` after every chunk."""
    columns, _ = file_columns(headings)
    vocabulary = Vocabulary()
    seen = {}  # slug or title → line, to catch a sheet named twice
    new_slugs = set()
    done = 0
    for batch in itertools.batched(rows, CHUNK):
        plans = [_parse_row(line, cells, columns, vocabulary) for line, cells in batch]
        _find_practices(plans, vocabulary)
        for plan in plans:
            _check(plan, seen, new_slugs)
            yield plan
        done += len(batch)
        if progress:
            progress(done)


def _parse_row(line, cells, columns, vocabulary):
    plan = RowPlan(line=line, values={})
    for position, column in columns.items():
        value = cells[position] if position < len(cells) else None
        plan.raw[column.key] = value
        try:
            plan.values[column.key] = parse_cell(column, value, vocabulary)
        except CellProblem as error:
            plan.add_error(column.key, str(error))
    return plan


def _find_practices(plans, vocabulary):
    """Each plan's sheet (one query), and the canonical values it has now (one statement)."""
    slugs = {plan.values["url"] for plan in plans if plan.values.get("url")}
    titles = {plan.values.get("title") for plan in plans if not plan.values.get("url")}
    titles.discard(None)
    titles.discard("")
    existing = list(Practice.objects.filter(Q(slug__in=slugs) | Q(title__in=titles)))
    by_slug = {practice.slug: practice for practice in existing}
    by_title = {}
    for practice in existing:
        by_title.setdefault(practice.title, []).append(practice)
    for plan in plans:
        slug = plan.values.get("url")
        if slug:
            plan.practice = by_slug.get(slug)
        else:
            same = by_title.get(plan.values.get("title"), [])
            plan.practice = same[0] if len(same) == 1 else None
        plan.is_new = plan.practice is None
    found = [plan.practice.pk for plan in plans if plan.practice]
    assessed = set(
        Assessment.objects.filter(practice__in=found).values_list("practice_id", flat=True)
    )
    now = {}
    for row in table_rows(Practice.objects.filter(pk__in=found), site_url=""):
        now[row["url"].strip("/").rpartition("/")[2]] = row
    for plan in plans:
        if plan.practice is None:
            continue
        current = now[plan.practice.slug]
        plan.current_places = current["places"]
        plan.assessed = plan.practice.pk in assessed
        for key in plan.values:
            if key == "url" or (key == "status" and plan.values[key] is None):
                continue  # the address names the sheet; an empty status leaves it
            column = BY_KEY[key]
            try:
                before = parse_cell(column, cell_text(column, current[key]), vocabulary)
            except CellProblem:
                before = None  # what the sheet has now cannot be read back: it changes
            if before != plan.values[key]:
                plan.changes.append(key)


def _check(plan, seen, new_slugs):
    """Problems that need more than one cell: a sheet named twice, places that the per-place
    columns name but the row does not have, and the model's own checks."""
    key = plan.values.get("url") or plan.values.get("title")
    if key and key in seen:
        where = "url" if plan.values.get("url") else "title"
        plan.add_error(where, f"Deze fiche staat al op regel {seen[key]} van het bestand.")
    elif key:
        seen[key] = plan.line
    places = (
        [place.label for place in plan.values["places"]]
        if isinstance(plan.values.get("places"), list)
        else plan.current_places
    )
    for name in PER_PLACE:
        for label in plan.values.get(name) or {}:
            if label not in places:
                plan.add_error(name, f"‘{label}’ staat niet bij de gemeenten van deze fiche.")
    if plan.assessed and "evidence_level" in plan.changes:
        plan.add_error(
            "evidence_level",
            "Deze fiche heeft een beoordeling van haar onderbouwing: het niveau volgt daaruit. "
            "Laat de kolom zoals ze was en leg een nieuwe beoordeling vast in het beheer.",
        )
    if plan.errors or not (plan.is_new or plan.changes):
        return
    practice = plan.practice or Practice(slug=_new_slug(plan, new_slugs))
    plan.practice = practice
    apply_plain_values(practice, plan.values)
    try:
        practice.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            column = FIELD_COLUMNS.get(field)
            for message in messages:
                plan.add_error(column.key if column else NON_FIELD_ERRORS, message)


def _new_slug(plan, new_slugs):
    """The address a new sheet gets: the one its row names, else made from its title (and
    free in the databank and in the file)."""
    slug = plan.values.get("url")
    if not slug:
        base = slugify(plan.values.get("title") or "")[:200] or "praktijk"
        slug, n = base, 2
        while slug in new_slugs or Practice.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
    new_slugs.add(slug)
    return slug


def apply_plain_values(practice, values):
    """Write the values that live on the practice itself (not its relations)."""
    for key in PLAIN:
        if key in values:
            setattr(practice, key, values[key])
    if values.get("status"):
        practice.status = values["status"]
    if "evidence_level" in values:
        practice.evidence_level = values["evidence_level"] or Practice.Evidence.DESCRIBED
    if "cost_band" in values:
        practice.cost_band = values["cost_band"] or Practice.CostBand.UNKNOWN
    if "life_status" in values:
        practice.life_status = values["life_status"] or Practice.LifeStatus.UNKNOWN
    if "category" in values:
        practice.category = values["category"]
    if "earlier_listing" in values:
        practice.earlier_listing = values["earlier_listing"]
    if "situation" in values:
        practice.situation_year, practice.situation_month = values["situation"]
