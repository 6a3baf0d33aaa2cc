"""From a file's cells to a sheet's values, with a Dutch message for every cell that is wrong.

`Vocabulary` holds what a cell may name (categories, target groups, policy domains, actions,
organisations, sources, the register of municipalities), read once per import. `parse_cell`
turns one cell into its canonical value: the same value for a cell as the export writes it and
as an editor types it ('gepubliceerd' or 'published', 'Actie 2 – …' or '2', 'Gent (44021)',
'44021' or 'Gent'), so that comparing canonical values tells whether a row changes a sheet.
"""

import dataclasses
import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from imports.cells import (
    CellProblem,
    _choice,
    _date,
    _lines,
    _situation,
    _slug,
    _text,
    _url,
    _year,
)
from practices.columns import (
    AREA,
    COLUMNS,
    cost_labels,
    evidence_labels,
    life_labels,
    status_labels,
)
from practices.models import (
    Action,
    Category,
    Municipality,
    Organisation,
    PolicyDomain,
    Source,
    TargetGroup,
)
from practices.register import name_key


def heading_key(text):
    return name_key(str(text or "").replace("_", " "))


HEADINGS = {
    heading_key(name): column
    for column in COLUMNS
    for name in (column.heading, column.key, *column.aliases)
}


def match_headings(headings):
    """({position: column}, [headings we do not know]); a column named twice is an error."""
    found, unknown, seen = {}, [], {}
    for position, heading in enumerate(headings):
        column = HEADINGS.get(heading_key(heading))
        if column is None:
            if heading:
                unknown.append(heading)
            continue
        if column.key in seen:
            raise CellProblem(
                f"De kolom ‘{column.heading}’ staat twee keer in de kopregel "
                f"(als ‘{seen[column.key]}’ en als ‘{heading}’)."
            )
        seen[column.key] = heading
        found[position] = column
    return found, unknown


@dataclasses.dataclass(frozen=True)
class Place:
    """One place of a sheet as a cell names it: a municipality of the register or an area."""

    municipality: Municipality | None
    area: str = ""

    @property
    def label(self):
        if self.municipality is None:
            return AREA + self.area
        code = self.municipality.nis_code
        return f"{self.municipality.name} ({code})" if code else self.municipality.name


class Vocabulary:
    """What the cells of one import may name, read from the database once."""

    def __init__(self):
        self.categories = _by_keys(Category.objects.all(), "name", "slug")
        self.target_groups = _by_keys(TargetGroup.objects.all(), "name", "slug")
        self.policy_domains = _by_keys(PolicyDomain.objects.all(), "name", "slug")
        self.organisations = _by_keys(Organisation.objects.all(), "name", "short_name")
        self.sources = _by_keys(Source.objects.all(), "title")
        self.actions = {action.number: action for action in Action.objects.all()}
        self.actions_by_title = _by_keys(Action.objects.all(), "title")
        municipalities = list(Municipality.objects.all())
        self.by_code = {m.nis_code: m for m in municipalities if m.nis_code}
        self.by_name = {}
        for m in municipalities:
            for key in (m.name_key, m.name_fr_key, name_key(m.slug)):
                if key:
                    self.by_name.setdefault(key, m)


def _by_keys(objects, *attributes):
    found = {}
    for obj in objects:
        for attribute in attributes:
            key = name_key(getattr(obj, attribute) or "")
            if key:
                found.setdefault(key, obj)
    return found


# One cell ------------------------------------------------------------------------------------


def parse_cell(column, value, vocabulary):
    """The canonical value of a cell of this column (CellProblem when it is wrong)."""
    parse = PARSERS.get(column.key, _text)
    return parse(value, vocabulary)


def _names(value):
    return [part.strip() for part in re.split(r"[|\n]", _text(value)) if part.strip()]


def _named(lookup, label):
    def parse(value, vocabulary):
        table = getattr(vocabulary, lookup)
        found, unknown = [], []
        for name in _names(value):
            obj = table.get(name_key(name))
            (found if obj else unknown).append(obj or name)
        if unknown:
            raise CellProblem(f"Onbekende {label}: " + ", ".join(f"‘{u}’" for u in unknown) + ".")
        return sorted({obj.pk: obj for obj in found}.values(), key=lambda obj: obj.pk)

    return parse


def _one_named(lookup, label):
    """A cell naming one term of the vocabulary (a category, a source), or empty."""

    def parse(value, vocabulary):
        text = _text(value)
        if not text:
            return None
        found = getattr(vocabulary, lookup).get(name_key(text))
        if found is None:
            raise CellProblem(f"Onbekende {label}: ‘{text}’.")
        return found

    return parse


def _actions(value, vocabulary):
    found, unknown = [], []
    for name in _names(value):
        match = re.match(r"^(?:actie\s*)?(\d+)\b", name, re.IGNORECASE)
        action = vocabulary.actions.get(int(match.group(1))) if match else None
        action = action or vocabulary.actions_by_title.get(name_key(name))
        (found if action else unknown).append(action or name)
    if unknown:
        raise CellProblem(
            "Onbekende actie van Plan Samenleven: "
            + ", ".join(f"‘{u}’" for u in unknown)
            + ". Schrijf het nummer van de actie, bv. ‘2’ of ‘Actie 2’."
        )
    return sorted(set(found), key=lambda action: action.number)


def _keywords(value, vocabulary):
    keywords = []
    for name in _names(value):
        if len(name) > 100:
            raise CellProblem(f"Het trefwoord ‘{name[:40]}…’ is langer dan 100 tekens.")
        if name.casefold() not in {k.casefold() for k in keywords}:
            keywords.append(name)
    return sorted(keywords, key=str.casefold)


def _places(value, vocabulary):
    places, labels = [], set()
    for line in _lines(value):
        place = place_named(line, vocabulary)
        if place.label in labels:
            raise CellProblem(f"‘{line}’ staat twee keer in de lijst van gemeenten.")
        labels.add(place.label)
        places.append(place)
    return places


def place_named(text, vocabulary):
    label = AREA.strip()  # 'Gebied:', however the cell spaces it
    if text.casefold().startswith(label.casefold()):
        area = text[len(label) :].strip()
        if not area or len(area) > 120:
            raise CellProblem(f"‘{text}’: een gebied heeft een naam van 1 tot 120 tekens.")
        return Place(None, area)
    match = re.fullmatch(r"(.*?)\s*\((\d{5})\)", text) or re.fullmatch(r"()(\d{5})", text)
    if match:
        municipality = vocabulary.by_code.get(match.group(2))
        if municipality is None:
            raise CellProblem(f"Onbekende NIS-code: ‘{match.group(2)}’ (in ‘{text}’).")
        return Place(municipality)
    bare = re.sub(r"^(stad|gemeente)\s+", "", text, flags=re.IGNORECASE)
    municipality = vocabulary.by_name.get(name_key(bare))
    if municipality is None:
        raise CellProblem(
            f"Onbekende gemeente: ‘{text}’. Schrijf de naam of NIS-code van een gemeente uit "
            f"het register, of een ruimer gebied als ‘{AREA}Meer dan 30 gemeenten’."
        )
    return Place(municipality)


def _per_place(value, vocabulary):
    """{place label: text} from lines 'Gent (44021): …'."""
    found = {}
    for line in _lines(value):
        place_text, colon, text = line.partition(": ")
        if not colon and line.startswith(AREA):
            raise CellProblem(f"‘{line}’: zet de tekst na de plaats en een dubbelpunt.")
        if not colon:
            raise CellProblem(f"‘{line}’: begin met de plaats en een dubbelpunt, bv. ‘Gent: …’.")
        if place_text.casefold() == AREA.strip(" :").casefold():  # 'Gebied: X: text'
            area, _, text = text.partition(": ")
            place_text = AREA + area
        found[place_named(place_text.strip(), vocabulary).label] = text.strip()
    return found


EMAIL = EmailValidator()


def _contacts(value, vocabulary):
    """{place label: (name, e-mail, phone, web address)}; the parts are told apart by form."""
    contacts = {}
    for label, text in _per_place(value, vocabulary).items():
        name = email = phone = url = ""
        for part in (p.strip() for p in text.split("|")):
            if not part:
                continue
            if "@" in part:
                try:
                    EMAIL(part)
                except ValidationError as error:
                    raise CellProblem(f"‘{part}’ is geen e-mailadres.") from error
                email = part
            elif part.startswith(("http://", "https://", "www.")):
                url = _url(part)
            elif re.fullmatch(r"[+0-9 ()./-]{6,40}", part):
                phone = part
            elif not name and len(part) <= 200:
                name = part
            else:
                raise CellProblem(
                    f"‘{part}’ in het contact van {label}: schrijf naam | e-mail | telefoon | "
                    "webadres."
                )
        contacts[label] = (name, email, phone, url)
    return contacts


def _links(value, vocabulary):
    links = []
    for number, line in enumerate(_lines(value), start=1):
        title, _, url = line.rpartition("|")
        url, title = url.strip(), title.strip()
        try:
            url = _url(url)
        except CellProblem as error:
            raise CellProblem(f"Link {number} heeft geen webadres (titel | https://…).") from error
        links.append((title or url, url))
    return links


PARSERS = {
    "url": _slug,
    "status": _choice(status_labels, "status"),
    "category": _one_named("categories", "categorie"),
    "target_groups": _named("target_groups", "doelgroep"),
    "policy_domains": _named("policy_domains", "beleidsdomein"),
    "actions": _actions,
    "goals": _lines,
    "success_factors": _lines,
    "challenges": _lines,
    "keywords": _keywords,
    "places": _places,
    "place_descriptions": _per_place,
    "contacts": _contacts,
    "organisations": _named("organisations", "organisatie"),
    "sources": _named("sources", "bron"),
    "earlier_listing": _one_named("sources", "bron"),
    "links": _links,
    "evidence_level": _choice(evidence_labels, "niveau van onderbouwing"),
    "evaluation_url": _url,
    "life_status": _choice(life_labels, "antwoord op ‘loopt ze nog?’"),
    "ended_year": _year,
    "end_reason": _text,
    "lessons": _text,
    "cost_amount": _text,
    "cost_band": _choice(cost_labels, "kostenschijf"),
    "staff_time": _text,
    "volunteers": _text,
    "setup_time": _text,
    "run_time": _text,
    "partners_needed": _text,
    "preconditions": _text,
    "materials": _lines,
    "situation": _situation,
    "last_reviewed_on": _date,
    "review_due_on": _date,
    "people": _lines,
    "image": _text,
    "published_at": _date,
    "content_changed_at": _date,
    "created_at": _date,
}
