"""'Vergelijkbare praktijken' on a sheet: up to four published practices, those the editors
pinned first (practices.RelatedPractice, both ways), then the best scored of those that share
something with the sheet. A shared target group, keyword or action counts 1 each, the same
category 0.5; on PostgreSQL the trigram similarity of the titles and summaries adds up to 2
(pg_trgm, migration 0002); SQLite has no such measure and goes by what is shared. Practices the
editors excluded never show. Three queries whatever the data: the editors' choices, the scores
(one statement: what is shared counted over the link tables, the texts compared for the
CANDIDATES that share most), and the cards (with their places and actions: for_cards)."""

from django.db import connections, models

from practices.models import Practice, RelatedPractice, TaggedPractice

MOST = 4
CATEGORY_WEIGHT = 0.5
TEXT_WEIGHT = 2.0


# The text likeness (PostgreSQL) is worked out for this many candidates, those that share the
# most (drafts and excluded ones among them drop out after): on 100,000 practices a category
# alone holds 12,000, and comparing the texts of all of them took 1.4 s a sheet
# (benchmarks/related.py). A practice further down the list would need texts far closer than
# any of these to overtake them (each shared term counts 1, the texts at most TEXT_WEIGHT):
# it is left out.
CANDIDATES = 800


def _in(values):
    return ", ".join(["%s"] * len(values))


def _scored(*, practice, groups, tags, actions, leave_out, wanted):
    """The pks of the `wanted` best scored published practices that share something with
    `practice`, in order, in one statement: what is shared is counted over the link tables'
    indexes (a union, grouped), the texts compared for the CANDIDATES best of those only."""
    parts, params = [], []
    for table, column, value_column, values in (
        (Practice.target_groups.through, "practice_id", "targetgroup_id", groups),
        (TaggedPractice, "content_object_id", "tag_id", tags),
        (Practice.actions.through, "practice_id", "action_id", actions),
    ):
        if values:
            parts.append(
                f"SELECT {column} AS id, 2 AS n FROM {table._meta.db_table} "
                f"WHERE {value_column} IN ({_in(values)})"
            )
            params += values
    if practice.category_id:
        parts.append(
            f"SELECT id, {int(CATEGORY_WEIGHT * 2)} AS n FROM practices_practice "
            "WHERE category_id = %s"
        )
        params.append(practice.category_id)
    if not parts:
        return []
    # Counted per practice first, in halves (integers add up fastest), over the link tables'
    # rows only; then the CANDIDATES that share most, and of those the published ones, by
    # score with the texts, then title.
    best = f"""
        SELECT s.id, SUM(s.n) AS halves FROM ({" UNION ALL ".join(parts)}) s
        GROUP BY s.id ORDER BY halves DESC, s.id LIMIT {CANDIDATES}
    """
    connection = connections[Practice.objects.db]
    params += [Practice.Status.PUBLISHED, *leave_out]
    score = "best.halves / 2.0"
    if connection.vendor == "postgresql":
        score += f" + {TEXT_WEIGHT} * similarity(p.title || ' ' || p.summary, %s)"
        params.append(f"{practice.title} {practice.summary}")
    sql = f"""
        SELECT p.id FROM ({best}) best JOIN practices_practice p ON p.id = best.id
        WHERE p.status = %s AND p.id NOT IN ({_in(leave_out)})
        ORDER BY {score} DESC, p.title LIMIT {int(wanted)}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def related_practices(practice):
    """The practices to show beside `practice` (a sheet read with for_sheet(), whose target
    groups, keywords and actions are prefetched), in order, as cards."""
    pinned, excluded = [], {practice.pk}
    for one, other, kind in RelatedPractice.objects.filter(
        models.Q(practice=practice) | models.Q(other=practice)
    ).values_list("practice_id", "other_id", "kind"):
        found = other if one == practice.pk else one
        if kind == RelatedPractice.Kind.PINNED:
            pinned.append(found)
        else:
            excluded.add(found)
    pinned = [pk for pk in dict.fromkeys(pinned) if pk not in excluded]
    groups = [group.pk for group in practice.target_groups.all()]
    tags = [tag.pk for tag in practice.tags.all()]
    actions = [action.pk for action in practice.actions.all()]
    wanted = MOST - len(pinned[:MOST])
    scored = []
    if wanted > 0:
        scored = _scored(
            practice=practice,
            groups=groups,
            tags=tags,
            actions=actions,
            leave_out=sorted(excluded | set(pinned)),
            wanted=wanted,
        )
    order = [*pinned[:MOST], *scored]
    if not order:
        return []
    cards = {
        card.pk: card for card in Practice.objects.published().filter(pk__in=order).for_cards()
    }
    return [cards[pk] for pk in order if pk in cards]
