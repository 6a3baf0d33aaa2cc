"""Every description is our own: no ten-word run of fixtures or templates copies a source."""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.own_words import SEEDS, copied, fixture_texts, runs, seed_runs, template_text


@pytest.fixture(scope="module")
def seeds():
    """The sources sit beside the project, not in it: a fresh clone has none, and these
    tests skip there; CI sets REQUIRE_SEEDS=True, so that missing sources fail its run."""
    if not SEEDS.is_dir():
        missing = f"the source documents are not beside the project ({SEEDS})"
        if os.getenv("REQUIRE_SEEDS") == "True":
            pytest.fail(f"REQUIRE_SEEDS=True, but {missing}")
        pytest.skip(f"{missing}; CI runs these tests with them")
    return seed_runs()


def test_the_rule_catches_a_copied_sentence(seeds):
    sentence = (
        "Pleinmakers wonen in een bepaalde buurt en stimuleren ontmoeting in de publieke ruimte."
    )
    assert copied([("test", sentence)], seeds)
    # Case and punctuation do not hide a copy.
    assert copied([("test", sentence.upper().replace(" ", ", "))], seeds)
    assert not copied([("test", "Pleinmakers brengen buren samen op het plein.")], seeds)


def test_names_and_titles_are_left_aside():
    rows = [{"model": "m", "pk": 1, "fields": {"title": "a b c d e f g h i j k", "goals": []}}]
    assert list(fixture_texts(rows)) == []


@pytest.mark.parametrize("fixture", ["databank.json", "synonyms.json"])
def test_fixtures_share_no_ten_word_run_with_the_sources(seeds, fixture):
    rows = json.loads((settings.BASE_DIR / "fixtures" / fixture).read_text(encoding="utf-8"))
    assert copied(fixture_texts(rows), seeds) == []


def test_templates_share_no_ten_word_run_with_the_sources(seeds):
    templates = sorted(Path(settings.BASE_DIR / "templates").rglob("*.html"))
    assert templates
    texts = [(str(path), template_text(path.read_text(encoding="utf-8"))) for path in templates]
    assert copied(texts, seeds) == []


def test_runs_ignore_case_and_punctuation():
    assert runs("Een, twee; drie! VIER vijf zes zeven acht negen tien") == {
        ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")
    }
