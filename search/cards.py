"""The page of a search with words on PostgreSQL, as result cards, in one statement.

Once the words are matched and the facets counted, the practices found are known by id
(search.results.run_search). This statement orders them, takes the page, and reads what a
card shows: title, summary, category, the snippet with the matched words marked, the names
of its places and the numbers of its actions (practices/_practice_card.html). Through the
ORM the same took three statements and about 5 ms of Python per search (building the
ranked, ordered query twice, the two prefetches of places and actions, the model rows);
this takes under 1 ms. Elsewhere (SQLite, a search without words) the ORM does it:
Practice.objects.for_cards(). The snippet is search.Snippet's, written out.
"""

from django.db import connections

from practices.models import Category, Practice
from search.postgres import as_parameter, rows_of
from search.text import (
    MARK_START,
    MARK_STOP,
    NAME_CONFIG,
    SNIPPET_OPTIONS,
    marking_query,
    postgres_query,
)

# The orders of search.results.Sort, by their key (a test checks they are the same).
ORDER = {
    "relevantie": "ts_rank(p.search_vector, {query}) DESC, p.title ASC",
    "nieuw": "p.published_at DESC NULLS LAST, p.title ASC",
    "bijgewerkt": "p.updated_at DESC, p.title ASC",
    "titel": "p.title ASC, p.id ASC",
}
# What a card reads of a practice, in the order of the model's fields (Model.from_db reads
# values in that order).
CARD_FIELDS = [
    field.attname
    for field in Practice._meta.concrete_fields
    if field.attname
    in {"id", "title", "slug", "summary", "category_id", "life_status", "ended_year"}
]


def page_of_cards(found_ids, groups, sort, *, start, size, using):
    """The practices of one page of `found_ids` in the order `sort` (a Sort key), each with
    what a card shows; anything else of a practice is read only if asked for."""
    query = postgres_query(groups)
    order = ORDER[sort]
    order_params = list(query.params) if "{query}" in order else []
    # The query worked out once (an InitPlan), not again for every practice ranked
    # (search.bitmaps.RankOnce).
    order = order.format(query=f"(SELECT {query.sql})")
    marking = marking_query(query)
    sql = f"""
        SELECT {", ".join(f"p.{name}" for name in CARD_FIELDS)}, c.name, c.slug,
            ts_headline(%s::regconfig,
                replace(replace(p.description, %s, ''), %s, ''), ({marking.sql}), %s),
            ARRAY(
                SELECT CASE WHEN l.municipality_id IS NULL THEN l.area_label ELSE m.name END
                FROM practices_practicelocation l
                LEFT JOIN practices_municipality m ON m.id = l.municipality_id
                WHERE l.practice_id = p.id ORDER BY l.position, l.id
            ),
            ARRAY(
                SELECT a.number FROM practices_practice_actions pa
                JOIN practices_action a ON a.id = pa.action_id
                WHERE pa.practice_id = p.id ORDER BY a.number
            )
        FROM unnest(ARRAY(
            SELECT p.id FROM practices_practice p WHERE p.id = ANY(%s::bigint[])
            ORDER BY {order} LIMIT %s OFFSET %s
        )) WITH ORDINALITY AS page(id, position)
        JOIN practices_practice p ON p.id = page.id
        LEFT JOIN practices_category c ON c.id = p.category_id
        ORDER BY page.position
    """
    params = [
        NAME_CONFIG,
        MARK_START,
        MARK_STOP,
        *marking.params,
        SNIPPET_OPTIONS,
        as_parameter(found_ids),
        *order_params,
        size,
        start,
    ]
    cards = []
    for *fields, category_name, category_slug, snippet, places, actions in rows_of(
        connections[using], sql, params
    ):
        practice = Practice.from_db(using, CARD_FIELDS, fields)
        if practice.category_id:
            practice.category = Category.from_db(
                using, ["id", "name", "slug"], (practice.category_id, category_name, category_slug)
            )
        practice.search_headline = snippet
        practice.card_places = places
        practice.card_actions = actions
        cards.append(practice)
    return cards
