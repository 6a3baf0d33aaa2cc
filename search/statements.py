"""The statements with which the search reaches past a practice's own texts, each a function
of one query word, compiled by the ORM once per process (search.reach, search.named):

- what reaches a practice: the people on its sheet and in the sessions where it was presented
  (names, e-mail addresses, as the sources wrote them), the contacts of its places, its
  organisations and the titles of its Plan Samenleven actions;
- what a word finds of the site's other pages, by their own words: an action's title,
  description, goals and support, an event's texts and report, a session's title and
  programme text, an organisation's name and description, and a person's name, roles and the
  sessions they led ("Ook gevonden").

Words are matched as parts of the text, accents and case ignored, alike on both databases.
"""

import functools

from django.db import connections, models
from django.db.models.functions import Cast, Concat

from practices.models import (
    Action,
    Event,
    Organisation,
    Practice,
    PracticeLocation,
    Role,
    Session,
)
from search.folding import Fold


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


def reach_parts(text, using):
    """(practice_id, how, who) for every way `text` reaches a practice beyond its texts:
    contacts, people on the sheet, people in its sessions, organisations, then actions."""
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
    return {
        "contactpersoon": contacts,
        "persoon": on_sheet,
        "sessie": in_sessions,
        "organisatie": organisations,
        "actie": actions,
    }


# The texts of each kind of page that a word finds it by ("Ook gevonden").
ACTION_TEXTS = [
    "title",
    "theme",
    "description",
    "minimal_expectations",
    "financial_support",
    "support",
    "mentor_description",
]
EVENT_TEXTS = ["title", "summary", "description", "report", "venue"]
SESSION_TEXTS = ["title", "description"]
ORGANISATION_TEXTS = ["name", "short_name", "summary"]
# A person by their name, their roles as the sources write them, and the sessions they led.
PERSON_TEXTS = ["person__name", "as_written", "organisation__name", "session__title"]
NAMED_PARTS = (
    "named actions",
    "named events",
    "named sessions",
    "named organisations",
    "named people",
)


def _text(value):
    return models.Value(value, output_field=models.CharField())


def _names(text, using):
    """(kind, label, target) of the actions, events, sessions, organisations and people whose
    own texts hold `text`. The target is what search.named makes a link of."""

    def named(queryset, fields, kind, label, target):
        return (
            containing(queryset, fields, text)
            .annotate(named_kind=_text(kind), label=label, target=target)
            .values_list("named_kind", "label", "target")
            .order_by()
        )

    session_anchor = [_text("#sessie-"), Cast("session_id", models.CharField())]
    where_they_act = models.Case(
        models.When(
            session__isnull=False,
            then=Concat(_text("sessie:"), "session__event__slug", *session_anchor),
        ),
        models.When(
            action__isnull=False,
            then=Concat(_text("actie:"), Cast("action__number", models.CharField())),
        ),
        default=Concat(_text("praktijk:"), "practice__slug"),
        output_field=models.CharField(),
    )
    person_label = models.Case(
        models.When(as_written="", then="person__name"),
        default=Concat("person__name", _text(", "), "as_written"),
        output_field=models.CharField(),
    )
    # Only where they act in public: a draft sheet's people stay unnamed.
    public_roles = Role.objects.using(using).filter(
        models.Q(practice__isnull=True) | models.Q(practice__status=Practice.Status.PUBLISHED)
    )
    return {
        "named actions": named(
            Action.objects.using(using),
            ACTION_TEXTS,
            "actie",
            models.F("title"),
            Cast("number", models.CharField()),
        ),
        "named events": named(
            Event.objects.using(using),
            EVENT_TEXTS,
            "activiteit",
            models.F("title"),
            models.F("slug"),
        ),
        "named sessions": named(
            Session.objects.using(using),
            SESSION_TEXTS,
            "sessie",
            Concat("title", _text(" ("), "event__title", _text(")")),
            Concat("event__slug", _text("#sessie-"), Cast("id", models.CharField())),
        ),
        "named organisations": named(
            Organisation.objects.using(using),
            ORGANISATION_TEXTS,
            "organisatie",
            models.F("name"),
            models.F("slug"),
        ),
        "named people": named(public_roles, PERSON_TEXTS, "persoon", person_label, where_they_act),
    }


# Stands for the searched text while a statement is compiled: a private-use character,
# which no query word holds (query_groups keeps word characters only).
STAND_IN = "\ue002"


@functools.cache
def _compiled(name, using):
    """The SQL of one statement of `_statements` (a function of a text), built by the ORM
    once per process and database, with the places where the text goes. Building these
    statements again for every search cost 40 ms of the 130 a search took."""
    queryset = _statements(STAND_IN, using)[name]
    sql, params = queryset.order_by().query.sql_with_params()
    slots = []
    for param in params:
        if param == STAND_IN:
            slots.append("as is")  # PostgreSQL's unaccent__icontains escapes it in SQL
        elif param == f"%{STAND_IN}%":
            slots.append("in like")  # SQLite's contains: escaped here
        elif isinstance(param, str) and STAND_IN in param:
            raise ValueError(f"{name}: the text stands in a parameter as {param!r}")
        else:
            slots.append(None)
    return sql, params, slots


def _statements(text, using):
    return reach_parts(text, using) | _names(text, using)


def statement(name, text, using):
    """(sql, params) of statement `name` of `_statements` for this text."""
    sql, params, slots = _compiled(name, using)
    like = f"%{connections[using].ops.prep_for_like_query(text)}%"
    filled = [
        text if slot == "as is" else like if slot == "in like" else param
        for param, slot in zip(params, slots, strict=True)
    ]
    return sql, filled
