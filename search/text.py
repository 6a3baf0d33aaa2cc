"""Free-text search over practices in Dutch.

On PostgreSQL: full text with the Dutch stemmer, accents folded, names also unstemmed, ranked,
with a highlighted snippet; the search vector is kept by triggers (migration 0002). On SQLite
(the embedded default): a case- and accent-insensitive substring match behind the same
interface. Both expand a query with the synonyms that editors keep.
"""

import difflib
import re

from django.contrib.postgres.search import SearchConfig, SearchQuery, SearchRank
from django.db import connections, models
from django.db.models.functions import Replace

from practices.content_cache import cached
from practices.models import (
    Action,
    Category,
    Municipality,
    Organisation,
    Practice,
    PracticeLocation,
    SynonymGroup,
    TaggedPractice,
)
from practices.snippets import MARK_START, MARK_STOP
from search.folding import Fold, fold
from search.reach import reach_condition

DUTCH_CONFIG = "databank_dutch"
NAME_CONFIG = "databank_simple"
MAX_GROUPS = 8
LONGEST_SYNONYM = 4  # words
# PostgreSQL's Dutch stop words (tsearch_data/dutch.stop): a query word that is one of these
# adds nothing, and would otherwise have to match literally in the unstemmed configuration.
STOP_WORDS = frozenset(
    "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar "
    "om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar "
    "haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden "
    "toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier "
    "wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand "
    "geweest andere".split()
)
WORD = re.compile(r"\w[\w'-]*")
# A query's terms: e-mail addresses whole (PostgreSQL indexes one as a single token), else words.
TERM = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\w[\w'-]*")
# A single query word of at least this many letters also finds the longer words it begins
# ('vrijwilliger' finds 'vrijwilligerswerk'); shorter ones would find too much.
PREFIX_MIN_LENGTH = 5
PLAIN_WORD = re.compile(r"[^\W_]+")


def query_groups(query, synonym_groups=()):
    """Split a query into groups of alternatives: every group must match, any alternative will.

    'polarisering bij jongeren', with the synonym groups [polarisatie, polarisering] and
    [jongeren, jeugd], gives [['polarisatie', 'polarisering'], ['jongeren', 'jeugd']].
    Synonyms may be phrases ('sociale cohesie'); the longest match wins.
    """
    alternatives = {}
    for terms in synonym_groups:
        folded = list(dict.fromkeys(fold(term).strip() for term in terms if term.strip()))
        for term in folded:
            alternatives.setdefault(term, folded)
    words = TERM.findall(fold(query))
    groups, position = [], 0
    while position < len(words) and len(groups) < MAX_GROUPS:
        for length in range(min(LONGEST_SYNONYM, len(words) - position), 0, -1):
            phrase = " ".join(words[position : position + length])
            if phrase in alternatives or length == 1:
                break
        position += length
        if length == 1 and phrase in STOP_WORDS:
            continue
        group = alternatives.get(phrase, [phrase])
        if group not in groups:
            groups.append(group)
    return groups


def is_postgresql(queryset):
    return connections[queryset.db].vendor == "postgresql"


# PostgreSQL -------------------------------------------------------------------------------


def postgres_query(groups):
    """AND across groups, OR across alternatives, each as a phrase, stemmed or as written;
    a longer word (PREFIX_MIN_LENGTH) also as the beginning of words as written."""
    ands, params = [], []
    for alternatives in groups:
        ors = []
        for text in alternatives:
            ors.append(f"(phraseto_tsquery({CONFIG}, %s) || phraseto_tsquery({CONFIG}, %s))")
            params += [DUTCH_CONFIG, text, NAME_CONFIG, text]
            if len(text) >= PREFIX_MIN_LENGTH and PLAIN_WORD.fullmatch(text):
                # Only letters and digits reach to_tsquery's own syntax.
                ors.append(f"to_tsquery({CONFIG}, %s)")
                params += [NAME_CONFIG, f"{text}:*"]
        ands.append(f"({' || '.join(ors)})")
    return TextQuery(" && ".join(ands), tuple(params))


CONFIG = "%s::regconfig"


class TextQuery(SearchQuery):
    """A search's whole tsquery as one node, written once per request (postgres_query).

    Built of Django's SearchQuery objects the same query took a tree of some twenty
    expressions, which every queryset that used it copied, resolved and compiled again: about
    5 ms of each search with words. This leaf is a SearchQuery to the lookups and functions
    that take one (search_vector=..., SearchRank, Snippet)."""

    def __init__(self, sql, params):
        models.Func.__init__(self)
        self.sql, self.params, self.invert = sql, params, False

    def get_source_expressions(self):
        return []

    def set_source_expressions(self, expressions):
        assert not expressions

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"({self.sql})", list(self.params)


# The snippet's words are marked by a cheaper parse than the search's: the description split
# into words as written (NAME_CONFIG), each marked when it begins with any form the search
# looked for: the query's words and their Dutch dictionary forms ('jongeren' -> 'jongere',
# 'buurthuisje' -> 'buurt', 'huis'). Parsing every word of a description with the Dutch
# dictionary cost 0.35 ms a card, a third of a search's time in the database; this costs
# 0.07 ms. Any form marks (a compound's parts need not all appear). Measured on the
# relevance set (tests/relevance_set.py): 92 words marked against 85 before; a later part
# of a compound ('buurtpleintjes' for 'pleintjes') is no longer marked.
LEXEME = r"""('(?:[^']|'')*')(:[*ABCD]+)?"""
OPERATOR = r"&|<->|<[0-9]+>|!"


def marking_query(query):
    """A tsquery that marks, in words as written, every word beginning with a form of
    `query` (a TextQuery): its lexemes as prefixes, all joined by OR. Computed once per
    statement (a scalar subquery), not per row."""
    return TextQuery(
        "SELECT regexp_replace(regexp_replace(("
        + query.sql
        + ")::text, %s, %s, 'g'), %s, '|', 'g')::tsquery",
        (*query.params, LEXEME, r"\1:*", OPERATOR),
    )


# ts_headline's options for the snippet under a result card (Snippet, search.cards).
SNIPPET_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_STOP}, MaxWords=28, MinWords=12, "
    "MaxFragments=2, FragmentDelimiter=' … '"
)


class Snippet(models.Func):
    """The snippet under a result card: a few fragments of the description (its own marks
    dropped) with the words `query` (a TextQuery) looks for marked (marking_query)."""

    function = "ts_headline"
    output_field = models.TextField()

    def __init__(self, query):
        super().__init__(
            SearchConfig(NAME_CONFIG),
            without_marks(models.F("description")),
            marking_query(query),
            models.Value(SNIPPET_OPTIONS),
        )


def without_marks(expression):
    for mark in (MARK_START, MARK_STOP):
        expression = Replace(expression, models.Value(mark), models.Value(""))
    return expression


# SQLite -----------------------------------------------------------------------------------


def sqlite_match(groups, using="default", reach=None):
    """A Q object: every group appears, folded, in the practice's texts, places or tags, or
    reaches it through its people, organisations or actions (search.reach)."""
    condition = models.Q()
    for alternatives in groups:
        either = models.Q()
        for text in alternatives:
            places = PracticeLocation.objects.alias(
                place_text=Fold(
                    models.functions.Concat(
                        "description",
                        models.Value(" "),
                        "area_label",
                        models.Value(" "),
                        models.functions.Coalesce("municipality__name", models.Value("")),
                    )
                )
            ).filter(place_text__contains=text)
            tags = TaggedPractice.objects.alias(tag_text=Fold("tag__name")).filter(
                tag_text__contains=text
            )
            either |= (
                models.Q(folded_text__contains=text)
                | models.Q(pk__in=places.values("practice_id"))
                | models.Q(pk__in=tags.values("content_object_id"))
            )
        reached = reach_condition(alternatives, using, reach)
        condition &= either if reached is None else either | reached
    return condition


def sqlite_text():
    return Fold(
        models.functions.Concat(
            "title",
            models.Value(" "),
            "summary",
            models.Value(" "),
            "description",
            models.Value(" "),
            models.functions.Cast("goals", models.TextField()),
            models.Value(" "),
            models.functions.Cast("success_factors", models.TextField()),
        )
    )


# The interface the queryset uses ------------------------------------------------------------


def search(queryset, query):
    """Practices of queryset matching a free-text query in Dutch (with the editors' synonyms)."""
    return matching(queryset, query_groups(query, SynonymGroup.objects.all_terms()))


def matching(queryset, groups, reach=None):
    """Practices in queryset that match every group: in their own texts, or reached through
    their people, contacts, organisations or actions. `reach` (search.reach.word_reach)
    tells which practices each word reaches that way; without it the statement asks."""
    if not groups:
        return queryset
    if is_postgresql(queryset):
        # The groups that reach no practice beyond the texts are matched as one text query,
        # which the vector's index answers in one scan (a group each cost a scan and a
        # recheck of every row the first one found).
        condition, plain = models.Q(), []
        for alternatives in groups:
            reached = reach_condition(alternatives, queryset.db, reach)
            if reached is None:
                plain.append(alternatives)
            else:
                condition &= models.Q(search_vector=postgres_query([alternatives])) | reached
        if plain:
            condition &= models.Q(search_vector=postgres_query(plain))
        return queryset.filter(condition)
    return queryset.alias(folded_text=sqlite_text()).filter(
        sqlite_match(groups, queryset.db, reach)
    )


def ranked(queryset, groups, snippets=True):
    """Add `rank` (higher is better) and `search_headline` (a snippet, or None; always None
    without `snippets`, for lists that show none: feeds, alerts, the API)."""
    if not groups:
        return queryset.annotate(
            rank=models.Value(0.0),
            search_headline=models.Value(None, output_field=models.TextField()),
        )
    if is_postgresql(queryset):
        query = postgres_query(groups)
        return queryset.annotate(
            rank=SearchRank(models.F("search_vector"), query),
            search_headline=(
                Snippet(query) if snippets else models.Value(None, output_field=models.TextField())
            ),
        )
    # SQLite: practices with a query word in their title first.
    return queryset.alias(title_folded=Fold("title")).annotate(
        rank=models.Case(
            models.When(title_folded__contains=groups[0][0], then=models.Value(1.0)),
            default=models.Value(0.0),
        ),
        search_headline=models.Value(None, output_field=models.TextField()),
    )


def suggestion(query, using):
    """'Bedoelde je …?': the published title or name closest to a query that found nothing."""
    query = " ".join(query.split())[:100]
    if len(query) < 3:
        return None
    titles = Practice.objects.using(using).published()
    names = Municipality.objects.using(using)
    if is_postgresql(titles):
        from django.contrib.postgres.search import TrigramSimilarity
        from taggit.models import Tag

        def closest(queryset, column, priority):
            # On equal similarity a practice title beats a municipality, which beats a tag.
            return (
                queryset.filter(**{f"{column}__trigram_similar": query})
                .annotate(
                    similarity=TrigramSimilarity(column, query),
                    priority=models.Value(priority),
                )
                .order_by()
                .values_list(column, "similarity", "priority")
            )

        candidates = (
            closest(titles, "title", 0)
            .union(closest(names, "name", 1), closest(Tag.objects.using(using), "name", 2))
            .order_by("-similarity", "priority")[:1]
        )
        best = next(iter(candidates), None)
        return best[0] if best and fold(best[0]) != fold(query) else None
    # SQLite: each word that is not in the databank's own vocabulary is replaced by the
    # closest word that is ('jongern' -> 'jongeren'); nothing close enough, no suggestion.
    return corrected(query, cached("vocabulary", lambda: sorted(vocabulary(using)), using))


def corrected(query, words):
    """The query with each unknown word of 4 letters or more replaced by the closest of
    `words` (a sorted list of folded words); None when no word changed, or when a word
    stays unknown (the suggestion would find nothing either: '<script>alert' does not
    become 'script leert')."""
    known = set(words)
    result, changed = [], False
    for word in WORD.findall(fold(query)):
        if word in known or len(word) < 4 or word.isdigit():
            result.append(word)
            continue
        close = difflib.get_close_matches(word, words, n=1, cutoff=0.8)
        if not close:
            return None
        result.append(close[0])
        changed = True
    return " ".join(result) if changed else None


def vocabulary(using):
    """The folded words (4 letters or more) of what visitors can find: published practices'
    titles and summaries, keywords, and the names of categories, actions, municipalities and
    organisations. One query."""
    from taggit.models import Tag

    published = Practice.objects.using(using).published().order_by()
    texts = (
        published.values_list("title", flat=True)
        .union(
            published.values_list("summary", flat=True),
            Tag.objects.using(using).order_by().values_list("name", flat=True),
            Category.objects.using(using).order_by().values_list("name", flat=True),
            Action.objects.using(using).order_by().values_list("title", flat=True),
            Municipality.objects.using(using).order_by().values_list("name", flat=True),
            Organisation.objects.using(using).order_by().values_list("name", flat=True),
        )
        .order_by()
    )
    return {word for text in texts for word in WORD.findall(fold(text or "")) if len(word) >= 4}
