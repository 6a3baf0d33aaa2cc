"""'Vergelijkbare praktijken' on a sheet: up to four published practices, those the editors
pinned first (practices.RelatedPractice, both ways), then the best scored of those that share
something with the sheet. A shared target group, keyword or action counts 1 each, the same
category 0.5; on PostgreSQL the trigram similarity of the titles and summaries adds up to 2
(pg_trgm, migration 0002); SQLite has no such measure and goes by what is shared. Practices the
editors excluded never show. Three queries whatever the data: the editors' choices, the scores,
and the cards (with their places and actions: for_cards)."""

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connections, models
from django.db.models.functions import Coalesce

from practices.models import Practice, RelatedPractice, TaggedPractice

MOST = 4
CATEGORY_WEIGHT = 0.5
TEXT_WEIGHT = 2.0


def _shared(through, practice_field, value_field, values):
    """How many of `values` a candidate practice has (a correlated count, 0 when none)."""
    count = (
        through.objects.filter(
            **{practice_field: models.OuterRef("pk"), f"{value_field}__in": values}
        )
        .order_by()
        .values(practice_field)
        .annotate(n=models.Count("*"))
        .values("n")
    )
    return Coalesce(models.Subquery(count, output_field=models.FloatField()), 0.0)


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
    through_groups = Practice.target_groups.through
    through_actions = Practice.actions.through
    # Candidates share something: a category, a target group, a keyword or an action.
    sharing = models.Q(category_id=practice.category_id) if practice.category_id else models.Q()
    sharing |= models.Q(
        pk__in=through_groups.objects.filter(targetgroup_id__in=groups).values("practice_id")
    )
    sharing |= models.Q(
        pk__in=TaggedPractice.objects.filter(tag_id__in=tags).values("content_object_id")
    )
    sharing |= models.Q(
        pk__in=through_actions.objects.filter(action_id__in=actions).values("practice_id")
    )
    score = (
        _shared(through_groups, "practice_id", "targetgroup_id", groups)
        + _shared(TaggedPractice, "content_object_id", "tag_id", tags)
        + _shared(through_actions, "practice_id", "action_id", actions)
        + models.Case(
            models.When(category_id=practice.category_id, then=models.Value(CATEGORY_WEIGHT)),
            default=models.Value(0.0),
            output_field=models.FloatField(),
        )
    )
    candidates = Practice.objects.published().exclude(pk__in=excluded | set(pinned))
    if connections[candidates.db].vendor == "postgresql":
        text = f"{practice.title} {practice.summary}"
        score = score + TrigramSimilarity(
            models.functions.Concat("title", models.Value(" "), "summary"), text
        ) * models.Value(TEXT_WEIGHT)
    wanted = MOST - len(pinned[:MOST])
    scored = []
    if wanted > 0:
        scored = list(
            candidates.filter(sharing)
            .annotate(score=score)
            .filter(score__gt=0)
            .order_by("-score", "title")
            .values_list("pk", flat=True)[:wanted]
        )
    order = [*pinned[:MOST], *scored]
    if not order:
        return []
    cards = {
        card.pk: card for card in Practice.objects.published().filter(pk__in=order).for_cards()
    }
    return [cards[pk] for pk in order if pk in cards]
