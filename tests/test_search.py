"""search.text: how a query becomes groups of alternatives, and how a snippet is shown."""

from practices.snippets import MARK_START, MARK_STOP, highlight
from search.folding import fold
from search.forms import MAX_QUERY_LENGTH, SearchForm
from search.text import query_groups


def test_fold_drops_accents_and_case():
    assert fold("Ideeën ÉÉN Café") == "ideeen een cafe"


def test_stop_words_are_dropped_and_words_kept_in_order():
    assert query_groups("Jongeren in de buurt") == [["jongeren"], ["buurt"]]


def test_synonyms_become_alternatives_and_the_longest_phrase_wins():
    synonyms = [["polarisatie", "polarisering"], ["sociale cohesie", "sociale samenhang"]]
    assert query_groups("Polarisering en sociale cohesie", synonyms) == [
        ["polarisatie", "polarisering"],
        ["sociale cohesie", "sociale samenhang"],
    ]


def test_punctuation_and_operators_are_not_words():
    assert query_groups("jongeren & (ouders) | !!") == [["jongeren"], ["ouders"]]


def test_at_most_eight_groups():
    assert len(query_groups(" ".join(f"woord{n}" for n in range(20)))) == 8


def test_highlight_escapes_first_then_marks():
    snippet = f"<b>Vet</b> & {MARK_START}jongeren{MARK_STOP}"
    assert highlight(snippet) == "&lt;b&gt;Vet&lt;/b&gt; &amp; <mark>jongeren</mark>"
    assert highlight(None) == ""


def test_a_long_query_is_cut_at_a_whole_word():
    form = SearchForm({"q": " ".join(["buurt"] * 40)})
    assert form.is_valid()
    query = form.cleaned_data["q"]
    assert len(query) <= MAX_QUERY_LENGTH
    assert query.split() == ["buurt"] * len(query.split())  # never ending in 'bu'
    one_word = SearchForm({"q": "x" * 500})
    assert one_word.is_valid() and one_word.cleaned_data["q"] == "x" * MAX_QUERY_LENGTH
