"""What a search finds besides practices ("Ook gevonden"): the actions, events, sessions,
organisations and people whose own pages hold every word (search.statements), with links to
those pages; and a query that names an action ("actie 22")."""

import re
from dataclasses import dataclass

from django.db import connections
from django.urls import reverse

from search.folding import fold
from search.postgres import rows_of
from search.statements import NAMED_PARTS, statement

# "actie 22", "actie22", "Plan Samenleven actie 22", "PS-actie 22"
NAMES_AN_ACTION = re.compile(r"\bactie\s*-?\s*(\d{1,2})\b", re.IGNORECASE)


@dataclass
class Related:
    kind: str  # "Actie", "Activiteit", "Sessie", "Organisatie", "Persoon"
    name: str
    url: str


# The kinds in the order "Ook gevonden" lists them, with their names and pages.
KINDS = {
    "actie": ("Actie", "practices:action_detail"),
    "activiteit": ("Activiteit", "practices:event_detail"),
    "sessie": ("Sessie", "practices:event_detail"),
    "organisatie": ("Organisatie", "practices:organisation_detail"),
    "persoon": ("Persoon", None),
}
# Where a person acts (search.statements): "sessie:<event>#sessie-<id>", "actie:<number>",
# "praktijk:<slug>".
WHERE = {
    "sessie": "practices:event_detail",
    "actie": "practices:action_detail",
    "praktijk": "practices:practice_detail",
}
MOST_SHOWN = 12
# What the statement of related() reads at most, before the names come first.
MOST_READ = 200


def related(groups, using, reach=None):
    """The pages whose own texts hold every word: from `reach` (word_reach) when it names
    them all, else in one query. Those whose names hold the words come first."""
    if not groups:
        return []
    if reach and all(reach.get(t) and reach[t].named is not None for g in groups for t in g):
        common = None
        for alternatives in groups:
            named = {found for text in alternatives for found in reach[text].named}
            common = named if common is None else common & named
        return _shown(common, groups)
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
        f"ORDER BY named_kind, label LIMIT {MOST_READ}",
        [*params, len(groups)],
    )
    return _shown(rows, groups)


def _shown(rows, groups):
    """The first MOST_SHOWN: by name first, then by kind, then alphabetically."""
    order = list(KINDS)

    def by_name(label):
        folded = fold(label)
        return all(any(fold(text) in folded for text in group) for group in groups)

    ranked = sorted(
        rows,
        key=lambda row: (not by_name(row[1]), order.index(row[0]), fold(row[1]), row[1], row[2]),
    )
    return [_related(*row) for row in ranked[:MOST_SHOWN]]


def _related(kind, label, target):
    name, view = KINDS[kind]
    if kind == "persoon":
        where, _, target = target.partition(":")
        view = WHERE[where]
    target, hash_, anchor = target.partition("#")
    return Related(name, label, reverse(view, args=[target]) + hash_ + anchor)


def named_action(query):
    """The action number a query names ("actie 22"), or None."""
    found = NAMES_AN_ACTION.search(query or "")
    return int(found.group(1)) if found else None
