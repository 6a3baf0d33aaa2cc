"""The search reaches past a practice's own texts (issue 13): the people on its sheet and in
the sessions where it was presented (names, e-mail addresses, as the sources wrote them), the
contacts of its places, its organisations and the titles of its Plan Samenleven actions. It
says why a practice was found that way, lists the actions, events and organisations the
words name, and notices a query that names an action ("actie 22")."""

import functools
import re
from dataclasses import dataclass

from django.db import connections, models
from django.db.models.expressions import RawSQL
from django.urls import reverse

from practices.content_cache import cached_each
from practices.models import (
    Action,
    Event,
    Organisation,
    Practice,
    PracticeLocation,
    Role,
    Session,
)
from search.folding import Fold, fold
from search.postgres import AnyOf, rows_of

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


def _parts(text, using):
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
    return _parts(text, using) | _names(text, using)


def statement(name, text, using):
    """(sql, params) of statement `name` of `_statements` for this text."""
    sql, params, slots = _compiled(name, using)
    like = f"%{connections[using].ops.prep_for_like_query(text)}%"
    filled = [
        text if slot == "as is" else like if slot == "in like" else param
        for param, slot in zip(params, slots, strict=True)
    ]
    return sql, filled


# The parts that reach a practice beyond its own search vector: on PostgreSQL the contacts of
# its places are in the vector (migration 0012); elsewhere they are reached like the rest.
REACH_PARTS = {
    "postgresql": ("persoon", "sessie", "organisatie", "actie"),
    "other": ("contactpersoon", "persoon", "sessie", "organisatie", "actie"),
}
NAMED_PARTS = ("named actions", "named events", "named organisations")
# A word that reaches more practices than this, or names more actions, events and
# organisations, is not kept as a list: its search asks the database each time instead.
MOST_KEPT = 2000


def _reach_parts(using):
    vendor = connections[using].vendor
    return REACH_PARTS["postgresql" if vendor == "postgresql" else "other"]


@dataclass(frozen=True)
class WordReach:
    """What one query word reaches beyond the practices' own texts (see word_reach): the
    ids of the practices it reaches through people, organisations and actions (and, but on
    PostgreSQL, whose search vector holds them, contacts); why, as (practice id, how, who),
    for those a card names ("via Els Cant"); and the (kind, label, target) of the actions,
    events and organisations it names. None for the first two, or the third, when there
    are more than MOST_KEPT."""

    ids: tuple | None
    via: tuple | None
    named: tuple | None


def word_reach(groups, using):
    """{text: WordReach} for every alternative of every group, each kept per content
    version (content_cache): who and what a word reaches changes only with the content.
    One query for the words not kept yet, none when all are."""
    texts = [text for alternatives in groups for text in alternatives]
    if not texts:
        return {}
    return cached_each(f"reach-{using}", lambda missing: _word_reach(missing, using), texts)


def _word_reach(texts, using):
    parts, params = [], []
    for number, text in enumerate(texts):
        reaching = []
        for name in _reach_parts(using):
            sql, part_params = statement(name, text, using)
            reaching.append(f"SELECT * FROM ({sql}) AS reach")
            params += part_params
        parts.append(
            f"SELECT * FROM (SELECT DISTINCT {number} AS word, 'reach' AS part, reaching.*,"
            f" '' AS target FROM ({' UNION ALL '.join(reaching)}) AS reaching"
            f" LIMIT {MOST_KEPT + 1}) AS reached_{number}"
        )
        for name in NAMED_PARTS:
            sql, part_params = statement(name, text, using)
            alias = f"{name.replace(' ', '_')}_{number}"
            parts.append(
                f"SELECT * FROM (SELECT {number} AS word, 'named' AS part, 0 AS id, named.*"
                f" FROM ({sql}) AS named LIMIT {MOST_KEPT + 1}) AS {alias}"
            )
            params += part_params
    reached = {number: set() for number in range(len(texts))}
    named = {number: set() for number in range(len(texts))}
    for number, part, practice_id, *values in rows_of(
        connections[using], " UNION ALL ".join(parts), params
    ):
        if part == "reach":
            reached[number].add((practice_id, *values[:2]))
        else:
            named[number].add(tuple(values))
    result = {}
    for number, text in enumerate(texts):
        rows = sorted(reached[number], key=lambda row: (row[0], row[1], row[2] or ""))
        kept = len(rows) <= MOST_KEPT
        result[text] = WordReach(
            ids=tuple(sorted({row[0] for row in rows})) if kept else None,
            via=tuple(row for row in rows if row[1] in HOW and row[2]) if kept else None,
            named=tuple(sorted(named[number])) if len(named[number]) <= MOST_KEPT else None,
        )
    return result


def reach_condition(alternatives, using, reach=None):
    """Q: the practice is reached by any of the alternatives of one query group; None when
    `reach` (word_reach) says that none reaches any practice. Without `reach` the database
    is asked in the same statement."""
    postgres = connections[using].vendor == "postgresql"
    ids, asked = set(), []
    for text in alternatives:
        known = reach.get(text) if reach else None
        if known is not None and known.ids is not None:
            ids.update(known.ids)
        else:
            asked += [reached_ids(name, text, using) for name in _reach_parts(using)]
    if not ids and not asked:
        return None
    if postgres:
        # The contacts of the places are in the search vector (migration 0012): matched
        # through its index, not by scanning every place.
        return models.Q(AnyOf(models.F("pk"), *asked, ids=sorted(ids) if ids else None))
    either = models.Q(pk__in=sorted(ids)) if ids else models.Q()
    for subquery in asked:
        either |= models.Q(pk__in=subquery)
    return either


def reached_ids(name, text, using):
    sql, params = statement(name, text, using)
    return RawSQL(f"SELECT practice_id FROM ({sql}) AS reach", params)


HOW = {
    "contactpersoon": "via contactpersoon",
    "persoon": "via",
    "sessie": "via",
    "organisatie": "via organisatie",
}


def reasons(practice_ids, groups, using, reach=None):
    """{practice id: 'via contactpersoon Els Cant'} for the page's practices that the words
    reach through a contact, a person or an organisation. The first reason counts: by word,
    then contact, person, session, organisation, then name. What `reach` (word_reach) kept
    is not asked for again; the rest is asked for the page's practices only, in one query
    (on PostgreSQL the contacts, which the search vector matches: finding every contact a
    word is in would scan every place)."""
    if not groups or not practice_ids:
        return {}
    texts = [text for alternatives in groups for text in alternatives]
    kept = bool(reach) and all(reach.get(text) and reach[text].via is not None for text in texts)
    asked = [name for name in HOW if not (kept and name in _reach_parts(using))]
    rows = {}  # (word, how): [(who, practice id)]
    if kept:
        for number, text in enumerate(texts):
            for practice_id, how, who in reach[text].via:
                rows.setdefault((number, how), []).append((who, practice_id))
    if asked:
        for number, practice_id, how, who in _asked_reasons(texts, asked, practice_ids, using):
            if who:
                rows.setdefault((number, how), []).append((who, practice_id))
    on_page, found = set(practice_ids), {}
    for number in range(len(texts)):
        for how in HOW:
            for who, practice_id in sorted(rows.get((number, how), [])):
                if practice_id in on_page and practice_id not in found:
                    found[practice_id] = f"{HOW[how]} {who}"
    return found


def _asked_reasons(texts, names, practice_ids, using):
    """(word, practice id, how, who) through `names` for these practices (one query)."""
    parts, params = [], []
    for number, text in enumerate(texts):
        for name in names:
            sql, part_params = statement(name, text, using)
            parts.append(f"SELECT {number} AS word, reach.* FROM ({sql}) AS reach")
            params += part_params
    connection = connections[using]
    if connection.vendor == "postgresql":
        ids, params = "= ANY(%s::bigint[])", [*params, list(practice_ids)]  # one text
    else:
        ids, params = f"IN ({', '.join(['%s'] * len(practice_ids))})", [*params, *practice_ids]
    sql = f"SELECT * FROM ({' UNION ALL '.join(parts)}) AS reason WHERE reason.practice_id {ids}"
    return rows_of(connection, sql, params)


@dataclass
class Related:
    kind: str  # "Actie", "Activiteit", "Organisatie"
    name: str
    url: str


def _names(text, using):
    """(kind, label, target) of the actions, events and organisations whose names hold
    `text`."""

    def named(queryset, fields, kind, label, target):
        return (
            containing(queryset, fields, text)
            .annotate(named_kind=models.Value(kind), label=label, target=target)
            .values_list("named_kind", "label", "target")
            .order_by()
        )

    return {
        "named actions": named(
            Action.objects.using(using),
            ["title"],
            "actie",
            models.F("title"),
            models.functions.Cast("number", models.CharField()),
        ),
        "named events": named(
            Event.objects.using(using), ["title"], "activiteit", models.F("title"), models.F("slug")
        ),
        "named organisations": named(
            Organisation.objects.using(using),
            ["name", "short_name"],
            "organisatie",
            models.F("name"),
            models.F("slug"),
        ),
    }


RELATED_URLS = {
    "actie": ("Actie", "practices:action_detail"),
    "activiteit": ("Activiteit", "practices:event_detail"),
    "organisatie": ("Organisatie", "practices:organisation_detail"),
}


def related(groups, using, reach=None):
    """The actions, events and organisations whose names hold every word: from `reach`
    (word_reach) when it names them all, else in one query."""
    if not groups:
        return []
    if reach and all(reach.get(t) and reach[t].named is not None for g in groups for t in g):
        common = None
        for alternatives in groups:
            named = {found for text in alternatives for found in reach[text].named}
            common = named if common is None else common & named
        found = sorted(common, key=lambda row: (row[0], fold(row[1]), row[1]))[:12]
        return [_related(*row) for row in found]
    parts, params = [], []
    for number, alternatives in enumerate(groups):
        for text in alternatives:
            for name in NAMED_PARTS:
                sql, part_params = statement(name, text, using)
                parts.append(f"SELECT {number} AS grp, named.* FROM ({sql}) AS named")
                params += part_params
    rows = rows_of(
        connections[using],
        f"SELECT named_kind, label, target FROM ({' UNION ALL '.join(parts)}) AS found "
        "GROUP BY named_kind, label, target HAVING COUNT(DISTINCT grp) = %s "
        "ORDER BY named_kind, label LIMIT 12",
        [*params, len(groups)],
    )
    return [_related(*row) for row in rows]


def _related(kind, label, target):
    return Related(RELATED_URLS[kind][0], label, reverse(RELATED_URLS[kind][1], args=[target]))


def named_action(query):
    """The action number a query names ("actie 22"), or None."""
    found = NAMES_AN_ACTION.search(query or "")
    return int(found.group(1)) if found else None
