"""The facet values a search URL names, checked against the database: those that exist, by
facet, with their names, and a notice for each that does not (search.results.parse_search)."""

from practices.content_cache import cached
from practices.models.actions import FIRST_ACTION, LAST_ACTION
from search.filters import FACETS, FACETS_BY_PARAM, ValuesField


def checked_values(params):
    """The facet values of a URL that exist, by facet, with a notice for each that does not."""
    field = ValuesField(required=False)
    wanted = {facet.param: field.clean(params.getlist(facet.param)) for facet in FACETS}
    found, notices, lookups = {param: {} for param in wanted}, [], []
    for facet in FACETS:
        values = wanted[facet.param]
        if not values:
            continue
        if facet.choices:
            found[facet.param] = {
                v: facet.label_for(v, v) for v in values if v in dict(facet.choices)
            }
            continue
        if facet.param == "actie":
            values = [
                v
                for v in values
                if v.isascii() and v.isdigit() and FIRST_ACTION <= int(v) <= LAST_ACTION
            ]
        if values:
            lookups.append((facet.param, values))
    if lookups:
        # The names of the values a URL asks for change only with the content.
        for param, key, name in cached(
            "facet-values", lambda: known_values(lookups), lookups, held=True
        ):
            found[param][key] = FACETS_BY_PARAM[param].label_for(key, name)
    for param, values in wanted.items():
        for value in values:
            if value not in found[param]:
                label = FACETS_BY_PARAM[param].label
                notices.append(f"{label} ‘{value}’ bestaat niet; die filter is genegeerd.")
    # Keep the order in which the URL named them.
    return {p: {v: found[p][v] for v in wanted[p] if v in found[p]} for p in wanted}, notices


def known_values(lookups):
    """[(param, key, name)] of the values asked for, by facet, that exist (one query)."""
    queries = [FACETS_BY_PARAM[param].known_values(values) for param, values in lookups]
    return list(queries[0].union(*queries[1:], all=True).order_by())
