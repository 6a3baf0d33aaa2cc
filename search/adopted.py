"""'Ook toegepast in' in the search. With ?ook_toegepast=1 the municipality facet finds, besides
the practices that run in a chosen town, those the town took over from elsewhere (an accepted
'Wij doen dit ook', adoptions.Adoption), and counts them so; their cards say where they were
taken over, so a visitor sees which results started elsewhere.

Accepted adoptions are few (one row per town and practice), so they are read from their own
table rather than from practices_facetindex: the facet keeps its index, and the adoptions are
an OR beside it.
"""

from adoptions.models import Adoption

PARAM = "ook_toegepast"
LABEL = "Ook waar een gekozen gemeente de praktijk overnam"
CHIP = "Ook overgenomen in de gekozen gemeenten"
FACET = "gemeente"
ACCEPTED = Adoption.Status.ACCEPTED.value


def wanted(params):
    """Whether a URL asks to include the practices its municipalities took over."""
    return params.get(PARAM, "") == "1"


def adopted_ids(slugs):
    """Ids of the practices taken over by any of these municipalities (a subquery)."""
    return (
        Adoption.objects.accepted()
        .filter(municipality__slug__in=slugs)
        .values("practice_id")
        .order_by()
    )


def adoption_table(quote):
    return quote(Adoption._meta.db_table)


def link_rows(quote):
    """(facet, municipality id, practice id) of every accepted adoption: the municipality
    facet's links beside the places (search.facet_counts, linked form)."""
    return (
        f"SELECT '{FACET}', municipality_id, practice_id FROM {adoption_table(quote)} "
        f"WHERE status = '{ACCEPTED}'"
    )


def index_rows(quote, key_base, code):
    """(practice id, failed facet, key) for each accepted adoption of a hit: its municipality
    as an index key of the municipality facet (search.facet_counts, indexed form)."""
    return (
        f"SELECT flags.practice_id, flags.failed, {code * key_base} + a.municipality_id "
        "FROM flags "
        f"JOIN {adoption_table(quote)} a ON a.practice_id = flags.practice_id "
        f"AND a.status = '{ACCEPTED}'"
    )


def mark_cards(cards, slugs, using):
    """Tell each card of the page where a chosen municipality took it over: 'Gent (sinds
    2021)' (one query)."""
    cards = list(cards)
    if not cards or not slugs:
        return cards
    adoptions = (
        Adoption.objects.using(using)
        .accepted()
        .filter(practice_id__in=[card.pk for card in cards], municipality__slug__in=slugs)
        .select_related("municipality")
        .only("practice_id", "since_year", "until_year", "municipality__name")
    )
    by_practice = {}
    for adoption in adoptions:
        period = f" ({adoption.period})" if adoption.period else ""
        by_practice.setdefault(adoption.practice_id, []).append(
            f"{adoption.municipality.name}{period}"
        )
    for card in cards:
        card.adopted_here = by_practice.get(card.pk, [])
    return cards
