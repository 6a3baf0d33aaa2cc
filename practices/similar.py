"""Practices that resemble a new one: the editors' duplicate check on a submission.

PostgreSQL scores trigram similarity of title and summary (pg_trgm, migration 0002) and adds a
bonus for a shared municipality; SQLite counts the longer title words that a practice's title
contains, and the shared municipalities. Both in one query, scored in SQL."""

import re

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connections
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce

MIN_WORD = 4
MIN_SCORE = 0.25
SHARED_PLACE_BONUS = 0.3


def similar_practices(queryset, *, title, summary="", municipality_ids=(), limit=5):
    """The `limit` practices most like this title, summary and places, best first; each
    carries `similarity` (a number) and `shared_places` (how many municipalities it shares)."""
    municipality_ids = [pk for pk in municipality_ids if pk]
    shared = Count(
        "locations",
        filter=Q(locations__municipality_id__in=municipality_ids),
        distinct=True,
    )
    candidates = queryset.annotate(shared_places=shared)
    if connections[queryset.db].vendor == "postgresql":
        scored = candidates.annotate(
            similarity=TrigramSimilarity("title", title)
            + Coalesce(TrigramSimilarity("summary", summary or title), 0.0) * 0.5
            + Case(
                When(shared_places__gt=0, then=Value(SHARED_PLACE_BONUS)),
                default=Value(0.0),
                output_field=FloatField(),
            )
        )
        threshold = MIN_SCORE
    else:
        words = [w for w in re.findall(r"\w+", title.casefold()) if len(w) >= MIN_WORD][:10]
        hits = [When(Q(title__icontains=word), then=Value(1)) for word in words]
        scored = candidates.annotate(
            similarity=sum(
                (Case(hit, default=Value(0), output_field=IntegerField()) for hit in hits),
                Value(0),
            )
            + F("shared_places")
        )
        threshold = 1
    return scored.filter(similarity__gte=threshold).order_by("-similarity", "title")[:limit]
