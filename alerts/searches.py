"""Which search an alert follows, in one canonical form, and what is new for it."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict

from search import adopted
from search.filters import FACETS_BY_PARAM
from search.results import parse_search

MAX_DESCRIPTION = 600


@dataclass(frozen=True)
class FollowedSearch:
    search: str  # the query string, in a fixed order: one subscription per search
    description: str  # how the mails and pages name it
    problems: tuple  # values the URL names that do not exist (a search that broadened)
    practices: object  # what the search finds today (a queryset)


def followed_search(params) -> FollowedSearch:
    """The search a /praktijken/ URL stands for, without its order and page."""
    parsed = parse_search(params)
    pairs, parts = [], []
    if parsed.query:
        pairs.append(("q", parsed.query))
        parts.append(f"zoekterm ‘{parsed.query}’")
    for param, values in parsed.selected.items():
        if not values:
            continue
        pairs += [(param, key) for key in sorted(values)]
        parts.append(f"{FACETS_BY_PARAM[param].label}: {', '.join(values.values())}")
    if parsed.adopters:
        pairs.append((adopted.PARAM, "1"))
        parts.append(adopted.CHIP.lower())
    description = " · ".join(parts) or "alle praktijken"
    if len(description) > MAX_DESCRIPTION:
        description = description[: MAX_DESCRIPTION - 1] + "…"
    problems = tuple(n for n in parsed.notices if "bestaat niet" in n)
    return FollowedSearch(urlencode(pairs), description, problems, parsed.ordered)


def published_between(search, since, until):
    """The practices of a stored search first published after `since`, up to `until`,
    newest first, with what a mail names (category, places). Nothing when a value the search
    names no longer exists: the search would have broadened to more than was asked for."""
    parsed = parse_search(QueryDict(search))
    if any("bestaat niet" in notice for notice in parsed.notices):
        return parsed.ordered.none()
    return (
        parsed.ordered.filter(published_at__gt=since, published_at__lte=until)
        .order_by("-published_at", "title")
        .for_cards()
    )
