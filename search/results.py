"""What /praktijken/ shows for a URL: results, facets with live counts, chips and notices.

Queries, whatever the data: synonyms (1, with a query) and checking the URL's values (1,
with facet values), each once per content version (content_cache); with words, who and what
they reach beyond the practices' texts, and why (1, each word once per content version:
search.reach.word_reach); on PostgreSQL with words the practices they match (1: matched
once, then selected by id); every facet's counts and the number of results (1), the page
(1), the page's places and actions (2; on PostgreSQL with words the page with them is 1
statement, search.cards, and which of its contacts hold the words 1), and a
spelling suggestion when the words find nothing (1): at most 9. The page's small map of the
results (maps.templatetags) adds 1 when something is found (the suggestion is then not
asked for). When several words find nothing together, what each finds alone adds a COUNT per
word (at most MAX_WORDS_ALONE).
"""

import functools
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import connections, models
from django.http import QueryDict

from practices.content_cache import cached
from practices.models import Action, Practice, SynonymGroup
from search import adopted, bitmaps
from search.cards import page_of_cards
from search.checked import checked_values
from search.facet_counts import count_facets
from search.filters import FACETS, FACETS_BY_PARAM, SHORT_LIST, PracticeFilterSet
from search.forms import SearchForm
from search.named import named_action, related
from search.postgres import AnyOf
from search.reach import reasons, word_reach
from search.text import TERM, matching, postgres_query, query_groups, ranked, suggestion


class Sort:
    RELEVANCE = "relevantie"
    NEWEST = "nieuw"
    UPDATED = "bijgewerkt"
    TITLE = "titel"
    LABELS = {
        RELEVANCE: "Relevantie",
        NEWEST: "Nieuwste eerst",
        UPDATED: "Recent bijgewerkt",
        TITLE: "Titel A–Z",
    }
    ORDER = {
        RELEVANCE: ("-rank", "title"),
        NEWEST: (models.F("published_at").desc(nulls_last=True), "title"),
        UPDATED: ("-updated_at", "title"),
        TITLE: ("title", "pk"),
    }


@dataclass
class FacetValue:
    key: str
    name: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    param: str
    label: str
    values: list[FacetValue]
    more_url: str = ""  # a long facet that shows only its most frequent values
    less_url: str = ""  # a long facet shown whole: back to its most frequent values


@dataclass
class Chip:
    label: str
    url: str


@dataclass
class SearchResults:
    query: str
    page: object
    sort: str
    sorts: list[tuple[str, str]]
    facets: list[FacetGroup]
    chips: list[Chip] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    suggestion: str | None = None
    suggestion_url: str = ""
    clear_url: str = "?"
    previous_url: str = ""
    next_url: str = ""
    export_query: str = ""  # this search's parameters, for the downloads
    title: str = "Alle praktijken"  # the tab's title: what is searched, in words
    practices: object = None  # every practice found (a queryset, not yet run; for the map)
    params: object = None  # the URL's parameters
    related: list = field(default_factory=list)  # actions, events, organisations named
    named_action: object = None  # the action a query names ("actie 22"), to offer its filter
    named_action_url: str = ""
    # When filters leave nothing of what the words find: how many the words find alone.
    words_found: int = 0
    # When several words find nothing together: each word alone, with what it finds.
    single_words: list = field(default_factory=list)
    adopters: bool = False  # the municipality facet includes the towns that took one over
    adopters_url: str = ""  # the same search with that switched the other way
    # On PostgreSQL with words: (the facet index, the bitmap of what was found), for the map.
    found: tuple | None = None


MAX_TITLE = 80
MAX_WORDS_ALONE = 5


def search_title(query, selected):
    """'Praktijken voor actie 22', 'Praktijken voor ‘buurt’, Jongeren, Limburg'."""
    parts = [f"‘{query}’"] if query else []
    for param, values in selected.items():
        parts += [f"actie {key}" if param == "actie" else name for key, name in values.items()]
    if not parts:
        return "Alle praktijken"
    title = "Praktijken voor " + ", ".join(parts)
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"


def url_for(params):
    """A query string for these parameters (the page is never kept: results change)."""
    return "?" + urlencode([(k, v) for k, values in params.items() for v in values if v])


def filtered(base, selected, *, adopters=False):
    data = QueryDict(mutable=True)
    for param, values in selected.items():
        data.setlist(param, list(values))
    if adopters:
        data[adopted.PARAM] = "1"
    return PracticeFilterSet(data=data, queryset=base).qs


@dataclass
class Search:
    """What a URL asks for: the words, the facet values that exist, the order."""

    query: str
    groups: list
    selected: dict
    notices: list
    sort: str
    chosen_sort: str
    sorts: list
    base: models.QuerySet
    reach: dict  # what each word reaches beyond the texts (search.reach.word_reach)
    adopters: bool = False  # towns that took a practice over count for the municipality facet

    @functools.cached_property
    def ordered(self):
        """Every practice found, filtered, in the chosen order (a queryset, not yet run)."""
        return self.in_order(filtered(self.base, self.selected, adopters=self.adopters))

    def in_order(self, practices):
        # Without snippets: what uses every practice found (feeds, alerts, the API, the map)
        # shows none; the page's cards get theirs below.
        return ranked(practices, self.groups, snippets=False).order_by(*Sort.ORDER[self.sort])


def parse_search(params):
    form = SearchForm(params)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    selected, notices = checked_values(params)

    # The default order (relevance with a query, title without) has the empty value, so that
    # every way of asking for it gives the same URL.
    default = Sort.RELEVANCE if query else Sort.TITLE
    sorts = [
        ("" if key == default else key, label)
        for key, label in Sort.LABELS.items()
        if query or key != Sort.RELEVANCE
    ]
    chosen_sort = params.get("sorteer", "")
    if chosen_sort not in dict(sorts) and chosen_sort != default:
        notices.append(
            f"Sorteren op ‘{chosen_sort[:40]}’ kan niet; de gewone volgorde is gebruikt."
        )
        chosen_sort = ""
    if chosen_sort == default:
        chosen_sort = ""
    sort = chosen_sort or default

    groups = query_groups(query, synonyms()) if query else []
    published = Practice.objects.published()
    reach = word_reach(groups, published.db)
    base = matching(published, groups, reach)
    adopters = adopted.wanted(params)
    return Search(query, groups, selected, notices, sort, chosen_sort, sorts, base, reach, adopters)


def synonyms():
    """The editors' synonym groups, read once per content version."""
    return cached("synonyms", SynonymGroup.objects.all_terms, held=True)


def by_id(ids, using):
    return Practice.objects.using(using).filter(AnyOf(models.F("pk"), ids=ids))


def searched_practices(params):
    """The published practices a /praktijken/ URL finds, in its order (for exports, feeds)."""
    return parse_search(params).ordered


def run_search(params, *, per_page):
    search = parse_search(params)
    query, groups, selected, notices = search.query, search.groups, search.selected, search.notices
    sort, base, adopters = search.sort, search.base, search.adopters
    expanded = [p for p in params.getlist("alle") if p in FACETS_BY_PARAM][:1]
    keys = {param: list(values) for param, values in selected.items()}
    hits = ranks = None  # on PostgreSQL with words: what the words match
    postgresql = connections[base.db].vendor == "postgresql"
    index = bitmaps.current(base.db) if groups and postgresql and not adopters else None
    if index is not None:
        # The words matched once, as a bitmap; the facets, the total and the map are counted
        # on the facet index in memory (search.bitmaps), the page selects by id.
        # By relevance (the default) the matches that pass the filters come with their
        # ranks, read in the same pass (search.bitmaps.matched_and_ranked).
        if sort == Sort.RELEVANCE:
            words = postgres_query(groups)
            hits, ranks = bitmaps.matched_and_ranked(base, words, only=index.mask(keys))
        else:
            hits = bitmaps.matched(base)
        counts, total, found = index.count(hits, keys, expanded=expanded)
        # (`every` is only ever paged here: the page's statement below orders and reads it)
        every = ordered = by_id(found, base.db)
    elif groups and postgresql:
        # The words are matched once, here: the counts, the page and the map then select
        # the practices found by id. Matching again in each cost more (planning the reach's
        # subqueries, the text match itself), and the planner, which cannot tell how many
        # practices a text match finds, counted the facets of 20 as if they were 500.
        hits = bitmaps.matched(base)
        counts, total, found = count_facets(
            base, keys, expanded=expanded, hit_ids=hits, adopters=adopters
        )
        every = ordered = by_id(found, base.db)
    elif groups:
        counts, total = count_facets(base, keys, expanded=expanded, adopters=adopters)
        every = ordered = search.ordered
    else:
        # Without words, the counts depend on the chosen values only: the unfiltered search
        # and popular filters are counted once per content version (content_cache).
        counts, total = cached(
            "facets",
            lambda: count_facets(base, keys, expanded=expanded, adopters=adopters),
            sorted((param, sorted(values)) for param, values in keys.items()),
            expanded,
            adopters,
        )
        every = ordered = search.ordered
    paginator = Paginator(ordered, per_page)
    paginator.count = total  # counted with the facets, in the same statement
    page = paginator.get_page(params.get("pagina"))
    # The page's ids come from the indexes alone (a deep page skips thousands of rows);
    # only those rows are read whole.
    start = (page.number - 1) * per_page
    if hits is not None:
        # PostgreSQL with words: the page's cards in one statement, from the found ids (with
        # their ranks known, only from those that can be on this page or before it).
        candidates = found if ranks is None else bitmaps.best(found, ranks, start + per_page)
        page.object_list = page_of_cards(
            candidates, groups, sort, start=start, size=per_page, using=base.db
        )
    else:
        page_ids = ordered.values("pk")[start : start + per_page]
        page.object_list = (
            ranked(Practice.objects.filter(pk__in=page_ids), groups)
            .order_by(*Sort.ORDER[sort])
            .for_cards()
        )
    if groups:
        # Why a practice was found when it was through a person, contact or organisation.
        page.object_list = list(page.object_list)
        found_via = reasons([p.pk for p in page.object_list], groups, base.db, search.reach)
        for practice in page.object_list:
            practice.found_via = found_via.get(practice.pk, "")
    if adopters:
        page.object_list = adopted.mark_cards(page.object_list, keys[adopted.FACET], base.db)

    kept = {
        "q": [query],
        "sorteer": [sort if sort != (Sort.RELEVANCE if query else Sort.TITLE) else ""],
    }
    kept |= {param: list(values) for param, values in selected.items()}
    kept[adopted.PARAM] = ["1" if adopters else ""]

    def toggled(param, key):
        values = kept[param]
        return url_for(
            {**kept, param: [v for v in values if v != key] if key in values else [*values, key]}
        )

    facets = []
    for facet in FACETS:
        chosen = selected[facet.param]
        everything = facet.param in expanded
        facet_counts = counts[facet.param]
        more_url = less_url = ""
        if facet.long and len(facet_counts) > SHORT_LIST:
            if everything:
                less_url = url_for(kept)
            else:
                facet_counts = facet_counts[:SHORT_LIST]
                more_url = url_for({**kept, "alle": [facet.param]})
        counted = {key for key, _, _ in facet_counts}
        values = [
            FacetValue(key, name, count, key in chosen) for key, name, count in facet_counts
        ] + [FacetValue(key, name, 0, True) for key, name in chosen.items() if key not in counted]
        facets.append(FacetGroup(facet.param, facet.label, values, more_url, less_url))

    chips = [
        Chip(f"{FACETS_BY_PARAM[param].label}: {name}", toggled(param, key))
        for param, values in selected.items()
        for key, name in values.items()
    ]
    if adopters:
        chips.append(Chip(adopted.CHIP, url_for({**kept, adopted.PARAM: []})))
    result = SearchResults(
        query=query,
        page=page,
        sort=search.chosen_sort,
        sorts=search.sorts,
        facets=facets,
        chips=chips,
        notices=notices,
        clear_url=url_for({"q": kept["q"], "sorteer": kept["sorteer"]}),
        title=search_title(query, selected),
        practices=every,
        params=params,
        adopters=adopters,
        adopters_url=url_for({**kept, adopted.PARAM: [] if adopters else ["1"]}),
        found=(index, found) if index is not None else None,
    )
    page_params = url_for(kept)[1:]
    result.export_query = url_for(kept)
    prefix = f"?{page_params}&pagina=" if page_params else "?pagina="
    if page.has_previous():
        result.previous_url = f"{prefix}{page.previous_page_number()}"
    if page.has_next():
        result.next_url = f"{prefix}{page.next_page_number()}"
    if groups:
        result.related = related(groups, base.db, search.reach)
    number = named_action(query)
    if number is not None and str(number) not in selected["actie"]:
        result.named_action = Action.objects.using(base.db).filter(number=number).first()
        if result.named_action:
            result.named_action_url = url_for({"actie": [str(number)]})
    if query and page.paginator.count == 0 and result.chips:
        # Nothing with these filters: do the words alone find something?
        result.words_found = len(hits) if hits is not None else base.count()
    if query and page.paginator.count == 0 and not result.named_action and not result.words_found:
        # A spelling suggestion only when the words themselves find nothing (a query that
        # names an action gets that action's filter offered instead).
        result.suggestion = suggestion(query, using=base.db)
        if result.suggestion:
            result.suggestion_url = url_for({**kept, "q": [result.suggestion]})
    if query and page.paginator.count == 0 and len(groups) > 1:
        result.single_words = single_words(query, search, kept, index)
    return result


@dataclass
class SingleWord:
    word: str
    count: int
    url: str


def single_words(query, search, kept, index=None):
    """Several words that find nothing together: what each of them finds alone, with the
    same filters (at most MAX_WORDS_ALONE). With the facet index in memory (search.bitmaps)
    every word's matches are read in one statement and filtered there; else the database
    counts (a query a word)."""
    published = Practice.objects.published()
    words = list(dict.fromkeys(TERM.findall(query)))[:MAX_WORDS_ALONE]
    each = [matching(published, query_groups(word, synonyms()), search.reach) for word in words]
    if index is not None:
        counts = [len(index.passing(hits, search.selected)) for hits in bitmaps.matched_each(each)]
    else:
        counts = [
            filtered(matches, search.selected, adopters=search.adopters).count() for matches in each
        ]
    return [
        SingleWord(word, count, url_for({**kept, "q": [word]}))
        for word, count in zip(words, counts, strict=True)
    ]
