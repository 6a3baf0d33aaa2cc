"""The search reaches past a practice's own texts (issue 13): the people on its sheet and in
the sessions where it was presented (names, e-mail addresses, as the sources wrote them), the
contacts of its places, its organisations and the titles of its Plan Samenleven actions. It
says why a practice was found that way, lists the actions, events and organisations the
words name, and notices a query that names an action ("actie 22")."""

import re
from dataclasses import dataclass

from django.db import connections, models
from django.urls import reverse

from practices.search import Fold

# "actie 22", "actie22", "Plan Samenleven actie 22", "PS-actie 22"
NAMES_AN_ACTION = re.compile(r"\bactie\s*-?\s*(\d{1,2})\b", re.IGNORECASE)


def _postgres(queryset):
    return connections[queryset.db].vendor == "postgresql"


def containing(queryset, fields, text):
    """Rows where any of `fields` contains the folded `text` (accents and case ignored)."""
    if _postgres(queryset):
        either = models.Q()
        for field in fields:
            either |= models.Q(**{f"{field}__unaccent__icontains": text})
        return queryset.filter(either)
    aliases = {
        f"_f{n}": Fold(models.functions.Coalesce(f, models.Value(""))) for n, f in enumerate(fields)
    }
    either = models.Q()
    for alias in aliases:
        either |= models.Q(**{f"{alias}__contains": text})
    return queryset.alias(**aliases).filter(either)


PERSON_FIELDS = ["person__name", "as_written", "email", "organisation__name"]


def _reach(text, using):
    """(practice_id, how, who) for every way `text` reaches a practice beyond its texts:
    contacts, people on the sheet, people in its sessions, organisations, then actions."""
    from practices.models import Practice, PracticeLocation, Role, Session

    contacts = containing(
        PracticeLocation.objects.using(using), ["contact_name", "contact_email"], text
    ).values_list(
        "practice_id",
        models.Value("contactpersoon"),
        models.functions.Coalesce(
            models.functions.NullIf("contact_name", models.Value("")),
            "contact_email",
            output_field=models.CharField(),
        ),
    )
    on_sheet = (
        containing(Role.objects.using(using), PERSON_FIELDS, text)
        .filter(practice__isnull=False)
        .values_list("practice_id", models.Value("persoon"), "person__name")
    )
    in_sessions = containing(
        Session.practices.through.objects.using(using),
        [f"session__roles__{f}" for f in PERSON_FIELDS],
        text,
    ).values_list("practice_id", models.Value("sessie"), "session__roles__person__name")
    organisations = containing(
        Practice.organisations.through.objects.using(using),
        ["organisation__name", "organisation__short_name"],
        text,
    ).values_list("practice_id", models.Value("organisatie"), "organisation__name")
    actions = containing(
        Practice.actions.through.objects.using(using), ["action__title"], text
    ).values_list(
        "practice_id",
        models.Value("actie"),
        models.functions.Concat(
            models.Value("actie "),
            models.functions.Cast("action__number", models.CharField()),
            output_field=models.CharField(),
        ),
    )
    return [contacts, on_sheet, in_sessions, organisations, actions]


def reached_ids(text, using):
    """A subquery of the ids of practices `text` reaches beyond their own texts."""
    parts = [part.values("practice_id").order_by() for part in _reach(text, using)]
    return parts[0].union(*parts[1:]).order_by()


def reach_condition(alternatives, using):
    """Q: the practice is reached by any of the alternatives of one query group."""
    # On PostgreSQL the contacts of the places are in the search vector (migration 0012):
    # matched through its index, not by scanning every place.
    skip = 1 if connections[using].vendor == "postgresql" else 0
    either = models.Q()
    for text in alternatives:
        for part in _reach(text, using)[skip:]:
            either |= models.Q(pk__in=part.values("practice_id").order_by())
    return either


HOW = {
    "contactpersoon": "via contactpersoon",
    "persoon": "via",
    "sessie": "via",
    "organisatie": "via organisatie",
}


def reasons(practice_ids, groups, using):
    """{practice id: 'via contactpersoon Els Cant'} for the page's practices that the words
    reach through a person, a contact, an organisation or an action (one query)."""
    if not groups or not practice_ids:
        return {}
    parts = []
    for alternatives in groups:
        for text in alternatives:
            # Through people and organisations only: a word in an action's title says
            # little about why the practice itself was found.
            parts += [
                part.filter(practice_id__in=practice_ids).order_by()
                for part in _reach(text, using)[:4]
            ]
    found = {}
    for practice_id, how, who in parts[0].union(*parts[1:]).order_by():
        if who and practice_id not in found:
            found[practice_id] = f"{HOW[how]} {who}"
    return found


@dataclass
class Related:
    kind: str  # "Actie", "Activiteit", "Organisatie"
    name: str
    url: str


def related(groups, using):
    """The actions, events and organisations whose names hold every word (one query)."""
    from practices.models import Action, Event, Organisation

    if not groups:
        return []

    def every_group(queryset, fields):
        for alternatives in groups:
            either = models.Q(pk__in=[])
            for text in alternatives:
                either |= models.Q(pk__in=containing(queryset, fields, text).values("pk"))
            queryset = queryset.filter(either)
        return queryset

    actions = every_group(Action.objects.using(using), ["title"]).values_list(
        models.Value("actie"), "title", models.functions.Cast("number", models.CharField())
    )
    events = every_group(Event.objects.using(using), ["title"]).values_list(
        models.Value("activiteit"), "title", "slug"
    )
    organisations = every_group(
        Organisation.objects.using(using), ["name", "short_name"]
    ).values_list(models.Value("organisatie"), "name", "slug")
    rows = list(
        actions.order_by().union(events.order_by(), organisations.order_by()).order_by()[:12]
    )
    urls = {
        "actie": lambda key: reverse("practices:action_detail", args=[key]),
        "activiteit": lambda key: reverse("practices:event_detail", args=[key]),
        "organisatie": lambda key: reverse("practices:organisation_detail", args=[key]),
    }
    labels = {"actie": "Actie", "activiteit": "Activiteit", "organisatie": "Organisatie"}
    order = list(labels)
    rows.sort(key=lambda row: (order.index(row[0]), row[1]))
    return [Related(labels[kind], name, urls[kind](key)) for kind, name, key in rows]


def named_action(query):
    """The action number a query names ("actie 22"), or None."""
    found = NAMES_AN_ACTION.search(query or "")
    return int(found.group(1)) if found else None
