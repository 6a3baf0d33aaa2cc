"""The search reaches past a practice's own texts (issue 13): the people on its sheet and in
the sessions where it was presented, the contacts of its places, its organisations and the
titles of its Plan Samenleven actions (the statements: search.statements). What each word
reaches is kept per content version, and a card says why a practice was found that way.
The other pages a word finds ("Ook gevonden") are search.named's."""

from dataclasses import dataclass

from django.db import connections, models
from django.db.models.expressions import RawSQL

from practices.content_cache import cached_each
from search.postgres import AnyOf, IdArray, rows_of
from search.statements import NAMED_PARTS, statement

# The parts that reach a practice beyond its own search vector: on PostgreSQL the contacts of
# its places are in the vector (migration 0012); elsewhere they are reached like the rest.
REACH_PARTS = {
    "postgresql": ("persoon", "sessie", "organisatie", "actie"),
    "other": ("contactpersoon", "persoon", "sessie", "organisatie", "actie"),
}
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
    return cached_each(
        f"reach-{using}", lambda missing: _word_reach(missing, using), texts, held=True
    )


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
        return models.Q(AnyOf(models.F("pk"), *asked, ids=IdArray.of(sorted(ids)) if ids else None))
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
