"""Daily totals of the searches, and what editors read from them."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max, Min, Sum
from django.utils import timezone

from insights.models import SearchDay, SearchSeen, SheetViews

MIN_SEARCHERS = 3  # a search shown to editors was made by at least this many people
KEEP_DAYS = 400  # daily totals (nothing personal) are kept a little over a year


@transaction.atomic
def roll_up_searches(*, today=None):
    """Fold the searches of the days before today into daily totals and delete the rows
    that held a searcher's hash. Returns how many daily totals were written."""
    today = today or timezone.localdate()
    seen = SearchSeen.objects.filter(day__lt=today)
    opened = {}
    for day, words, filters, position in seen.filter(opened__isnull=False).values_list(
        "day", "words", "filters", "opened"
    ):
        opened.setdefault((day, words, filters), Counter())[str(position)] += 1
    totals = (
        seen.values("day", "words", "filters")
        .annotate(results=Max("results"), searches=Sum("times"), searchers=Count("id"))
        .order_by()
    )
    written = 0
    for row in totals:
        key = (row["day"], row["words"], row["filters"])
        day_total, created = SearchDay.objects.get_or_create(
            day=row["day"],
            words=row["words"],
            filters=row["filters"],
            defaults={
                "results": row["results"],
                "searches": row["searches"],
                "searchers": row["searchers"],
                "opened": dict(opened.get(key, {})),
            },
        )
        if not created:  # a late row of a day already folded
            day_total.searches += row["searches"]
            day_total.searchers += row["searchers"]
            day_total.results = row["results"]
            merged = Counter(day_total.opened) + opened.get(key, Counter())
            day_total.opened = dict(merged)
            day_total.save()
        written += 1
    seen.delete()
    SearchDay.objects.filter(day__lt=today - datetime.timedelta(days=KEEP_DAYS)).delete()
    return written


@dataclass(frozen=True)
class Searched:
    words: str
    filters: str
    searchers: int
    searches: int
    results: int
    first: datetime.date
    last: datetime.date
    opened: str = ""  # 'plaats 1 (5×), plaats 3 (2×)'


def searched(*, days, without_results=False, today=None, limit=50):
    """The searches of the last `days` days made by at least MIN_SEARCHERS people (summed
    per day: one person on two days counts twice), the most searchers first."""
    today = today or timezone.localdate()
    rows = SearchDay.objects.filter(day__gte=today - datetime.timedelta(days=days))
    if without_results:
        rows = rows.filter(results=0)
    grouped = (
        rows.values("words", "filters")
        .annotate(
            searchers=Sum("searchers"),
            searches=Sum("searches"),
            results=Max("results"),
            first=Min("day"),
            last=Max("day"),
        )
        .filter(searchers__gte=MIN_SEARCHERS)
        .order_by("-searchers", "-searches", "words")[:limit]
    )
    found = [Searched(**row) for row in grouped]
    if without_results or not found:
        return found
    opened = {}
    for words, filters, counts in rows.filter(words__in={row.words for row in found}).values_list(
        "words", "filters", "opened"
    ):
        opened.setdefault((words, filters), Counter()).update(counts)

    def most_opened(row):
        counts = opened.get((row.words, row.filters), Counter())
        return ", ".join(f"plaats {place} ({n}×)" for place, n in counts.most_common(3))

    return [Searched(**{**row.__dict__, "opened": most_opened(row)}) for row in found]


def views_per_month(practice, *, months=6, today=None):
    """[(first day of the month, views)] for the last `months` months, newest first, for a
    sheet: views are counted by the address opened, so its former addresses count too."""
    slugs = [practice.slug, *practice.former_slugs.values_list("slug", flat=True)]
    today = today or timezone.localdate()
    firsts = []
    year, month = today.year, today.month
    for _ in range(months):
        firsts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    counted = dict(
        SheetViews.objects.filter(slug__in=slugs, month__in=firsts)
        .values("month")
        .annotate(total=Sum("views"))
        .values_list("month", "total")
    )
    return [(first, counted.get(first, 0)) for first in firsts]
