"""'Vergelijkbare praktijken' (issue 26, item 4): up to four, by what a sheet shares (target
groups, keywords, actions, category; on PostgreSQL also the likeness of title and summary),
the editors' pins first and their exclusions never, both ways, in a fixed number of queries."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from practices.models import Practice, RelatedPractice
from practices.related import related_practices
from tests.factories import ActionFactory, CategoryFactory, PracticeFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


def sheet(slug):
    return Practice.objects.for_sheet().get(slug=slug)


@pytest.fixture
def family():
    youth, parents = TargetGroupFactory(name="Jongeren R"), TargetGroupFactory(name="Ouders R")
    action = ActionFactory(number=13)
    main = PracticeFactory(title="Sport in de wijk", slug="sport")
    main.target_groups.set([youth, parents])
    main.tags.add("sport", "buurt")
    main.actions.add(action)
    close = PracticeFactory(title="Voetbal op het plein", slug="voetbal")
    close.target_groups.set([youth, parents])
    close.tags.add("sport")
    closer = PracticeFactory(title="Zwemmen voor iedereen", slug="zwemmen")
    closer.target_groups.set([youth, parents])
    closer.tags.add("sport", "buurt")
    closer.actions.add(action)
    far = PracticeFactory(title="Taalcafé", slug="taalcafe", category=main.category)
    PracticeFactory(title="Niets gemeen", slug="niets")
    draft = PracticeFactory(title="Concept sport", slug="concept", draft=True)
    draft.target_groups.set([youth, parents])
    return main, close, closer, far


def test_the_most_alike_come_first_and_nothing_unrelated_or_unpublished(family):
    shown = [p.slug for p in related_practices(sheet("sport"))]
    assert shown == ["zwemmen", "voetbal", "taalcafe"]  # 5, 3 and 0.5 (same category)


def test_the_editors_pin_and_exclude_and_it_holds_both_ways(family):
    main, closer = family[0], family[2]
    pinned = PracticeFactory(title="Iets heel anders", slug="anders")
    RelatedPractice.objects.create(practice=main, other=pinned, kind="vast")
    RelatedPractice.objects.create(practice=closer, other=main, kind="nooit")
    assert [p.slug for p in related_practices(sheet("sport"))] == ["anders", "voetbal", "taalcafe"]
    # Both ways: the pinned sheet shows the main one, the excluded one does not.
    assert "sport" in [p.slug for p in related_practices(sheet("anders"))]
    assert "sport" not in [p.slug for p in related_practices(sheet("zwemmen"))]


def test_at_most_four(family):
    main = family[0]
    for n in range(6):
        PracticeFactory(title=f"Extra {n}", category=main.category)
    assert len(related_practices(sheet("sport"))) == 4


@pytest.mark.parametrize("extra", [0, 30])
def test_a_fixed_number_of_queries(family, extra, django_assert_max_num_queries):
    main = family[0]
    for n in range(extra):
        PracticeFactory(title=f"Extra {n}", category=main.category).tags.add("sport")
    practice = sheet("sport")
    # The editors' choices, the scores, the cards with their places and actions.
    with django_assert_max_num_queries(5):
        assert len(related_practices(practice)) == 3 if not extra else 4


def test_the_sheet_shows_them_and_links_to_them(client, family):
    html = client.get("/praktijken/sport/").content.decode()
    section = html[html.index("Vergelijkbare praktijken") :]
    assert 'href="/praktijken/zwemmen/"' in section and 'href="/praktijken/niets/"' not in section


def test_the_database_refuses_a_practice_beside_itself_or_twice(family):
    main, close = family[0], family[1]
    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedPractice.objects.create(practice=main, other=main)
    RelatedPractice.objects.create(practice=main, other=close)
    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedPractice.objects.create(practice=main, other=close, kind="nooit")


def test_editors_pin_in_the_admin(editor, family):
    from tests.test_admin_practices import inline_management, practice_form

    main, pinned = family[0], PracticeFactory(title="Gepind", slug="gepind")
    data = practice_form(
        title=main.title,
        slug=main.slug,
        summary=main.summary,
        category=CategoryFactory().pk,
        **inline_management("related_choices", total=1),
        **{"related_choices-0-other": pinned.pk, "related_choices-0-kind": "vast"},
    )
    response = editor.post(reverse("admin:practices_practice_change", args=[main.pk]), data)
    assert response.status_code == 302, response.context["errors"]
    assert related_practices(sheet("sport"))[0].slug == "gepind"


def test_the_api_names_them(client, family):
    data = client.get("/api/v1/praktijken/sport/").json()
    assert [entry["slug"] for entry in data["related"]] == ["zwemmen", "voetbal", "taalcafe"]
    assert data["related"][0]["url"].endswith("/praktijken/zwemmen/")
