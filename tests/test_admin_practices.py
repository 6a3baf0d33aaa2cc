"""The editors' admin for practices: list, filters, actions, change form with inlines."""

import pytest
from django.urls import reverse

from practices.models import Practice
from tests.factories import (
    ActionFactory,
    CategoryFactory,
    MunicipalityFactory,
    PracticeFactory,
)

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:practices_practice_changelist")
ADD = reverse("admin:practices_practice_add")


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def practice_form(**overrides):
    data = {
        "title": "Buurtpunt De Nestel",
        "slug": "buurtpunt-de-nestel",
        "summary": "Een warme ontmoetingsplek in de oude pastorie.",
        "status": "draft",
        "description": "",
        "goals": "• Buurtbewoners samenbrengen\n• Iedereen welkom",
        "success_factors": "",
        "challenges": "",
        "tags": "buurthuis, inclusie",
        "evidence_level": "beschreven",
        "life_status": "onbekend",
        "cost_band": "onbekend",
        **inline_management("locations"),
        **inline_management("roles"),
        **inline_management("links"),
        **inline_management("related_choices"),
        **inline_management("assessments"),
        **inline_management("material_files"),
    }
    data.update(overrides)
    return data


def test_anonymous_and_plain_users_cannot_reach_the_admin(anonymous, submitter):
    assert anonymous.get(CHANGELIST).status_code == 302
    assert submitter.get(CHANGELIST).status_code == 302


def test_changelist_shows_status_category_places_and_facet_counts(editor):
    category = CategoryFactory(name="Sociale cohesie")
    PracticeFactory(
        title="PleinPatrons",
        category=category,
        places=[MunicipalityFactory(name="Antwerpen"), MunicipalityFactory(name="Gent")],
    )
    PracticeFactory(title="Concept", category=category, draft=True)
    html = editor.get(CHANGELIST).content.decode()
    assert "PleinPatrons" in html and "Antwerpen, Gent" in html
    assert "Gepubliceerd" in html and "Concept" in html
    assert "Sociale cohesie (2)" in html  # filter with its count


def test_changelist_search_finds_a_practice_by_municipality(editor):
    PracticeFactory(title="Bibambassadeurs", places=[MunicipalityFactory(name="Genk")])
    PracticeFactory(title="Curant", places=[MunicipalityFactory(name="Antwerpen")])
    html = editor.get(CHANGELIST, {"q": "genk"}).content.decode()
    assert "Bibambassadeurs" in html and "Curant" not in html


@pytest.mark.parametrize("practices", [3, 40])
def test_changelist_query_count_is_fixed(editor, django_assert_max_num_queries, practices):
    for _ in range(practices):
        PracticeFactory(places=[MunicipalityFactory()]).actions.add(ActionFactory())
    # Session, user and permissions, the page with its places, for each of the five filters
    # its choices and facet counts, the counts of the review, recently-changed, evidence,
    # life-status and cost-band filters (one per choice), and the history's link to deleted
    # practices (2): 57 at 3 practices and at 40, no query per row.
    with django_assert_max_num_queries(57):
        assert editor.get(CHANGELIST).status_code == 200


def test_publish_and_unpublish_actions_report_back(editor):
    drafts = [PracticeFactory(draft=True), PracticeFactory(draft=True)]
    response = editor.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [p.pk for p in drafts]},
        follow=True,
    )
    assert "2 praktijken gepubliceerd." in response.content.decode()
    assert Practice.objects.published().count() == 2
    editor.post(CHANGELIST, {"action": "unpublish", "_selected_action": [drafts[0].pk]})
    assert Practice.objects.published().count() == 1


def test_editor_creates_a_practice_with_places_list_items_and_tags(editor):
    dendermonde = MunicipalityFactory(name="Dendermonde")
    data = practice_form(
        **inline_management("locations", total=2),
        **{
            "locations-0-municipality": dendermonde.pk,
            "locations-0-description": "Activiteiten in het buurthuis.",
            "locations-0-contact_email": "info@dendermonde.example",
            "locations-0-position": "0",
            "locations-1-area_label": "Meer dan 30 gemeenten",
            "locations-1-position": "1",
        },
    )
    response = editor.post(ADD, data)
    assert response.status_code == 302, response.context["errors"]
    practice = Practice.objects.get(slug="buurtpunt-de-nestel")
    assert practice.goals == ["Buurtbewoners samenbrengen", "Iedereen welkom"]
    assert [loc.place_name for loc in practice.locations.all()] == [
        "Dendermonde",
        "Meer dan 30 gemeenten",
    ]
    assert set(practice.tags.names()) == {"buurthuis", "inclusie"}
    assert practice.status == "draft"


def test_publishing_through_the_form_dates_the_publication(editor):
    editor.post(ADD, practice_form(status="published"))
    practice = Practice.objects.get(slug="buurtpunt-de-nestel")
    assert practice.is_published and practice.published_at is not None


def test_the_same_municipality_twice_gets_a_message_not_an_error(editor):
    gent = MunicipalityFactory(name="Gent")
    data = practice_form(
        **inline_management("locations", total=2),
        **{
            "locations-0-municipality": gent.pk,
            "locations-0-position": "0",
            "locations-1-municipality": gent.pk,
            "locations-1-position": "1",
        },
    )
    response = editor.post(ADD, data)
    assert response.status_code == 200
    assert "Gent staat al bij deze praktijk." in response.content.decode()
    assert not Practice.objects.exists()


def test_a_place_without_municipality_or_area_gets_a_message(editor):
    data = practice_form(
        **inline_management("locations", total=1),
        **{"locations-0-description": "Ergens", "locations-0-position": "0"},
    )
    response = editor.post(ADD, data)
    assert response.status_code == 200
    assert "Kies een gemeente of vul een ruimer gebied in." in response.content.decode()
    assert not Practice.objects.exists()


def test_a_list_item_that_is_too_long_keeps_what_was_typed(editor):
    long_goal = "x" * 700
    response = editor.post(ADD, practice_form(goals=f"Kort doel\n{long_goal}"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Punt 2 is te lang" in html
    assert long_goal in html


def test_change_form_links_to_the_public_sheet_also_for_drafts(editor):
    draft = PracticeFactory(draft=True)
    html = editor.get(reverse("admin:practices_practice_change", args=[draft.pk])).content
    assert reverse("admin:view_on_site", args=[_ct(), draft.pk]).encode() in html
    assert editor.get(draft.get_absolute_url()).status_code == 200


def _ct():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Practice).pk


def test_autocomplete_offers_municipalities(editor):
    MunicipalityFactory(name="Sint-Niklaas")
    response = editor.get(
        reverse("admin:autocomplete"),
        {
            "term": "sint-nik",
            "app_label": "practices",
            "model_name": "practicelocation",
            "field_name": "municipality",
        },
    )
    assert [row["text"] for row in response.json()["results"]] == ["Sint-Niklaas"]


@pytest.mark.parametrize(
    "model",
    [
        "category",
        "targetgroup",
        "policydomain",
        "municipality",
        "action",
        "synonymgroup",
        "organisation",
        "person",
        "event",
        "session",
        "source",
    ],
)
def test_every_taxonomy_has_an_admin_list(editor, model, django_assert_max_num_queries):
    CategoryFactory()
    MunicipalityFactory()
    ActionFactory()
    with django_assert_max_num_queries(10):
        assert editor.get(reverse(f"admin:practices_{model}_changelist")).status_code == 200


LIST_FIELDS = ("goals", "success_factors", "challenges")


def test_an_edit_dates_the_content_but_publishing_does_not(editor):
    practice = PracticeFactory(draft=True, slug="buurtpunt-de-nestel")
    change = reverse("admin:practices_practice_change", args=[practice.pk])
    form = practice_form(category=practice.category_id, title="Buurtpunt De Nestel")
    assert editor.post(change, {**form, "title": practice.title}).status_code == 302
    practice.refresh_from_db()
    assert practice.content_changed_at is not None  # the goals and tags changed

    Practice.objects.filter(pk=practice.pk).update(content_changed_at=None)
    practice.refresh_from_db()
    # The admin sends the lists' initial values back in hidden fields (they have a default).
    initial = {f"initial-{name}": "\n".join(getattr(practice, name)) for name in LIST_FIELDS}
    unchanged = {**form, **initial, "title": practice.title, "status": "published"}
    assert editor.post(change, unchanged).status_code == 302
    practice.refresh_from_db()
    assert practice.is_published and practice.content_changed_at is None


@pytest.mark.parametrize("model", ["event", "session", "person", "organisation", "source"])
def test_editors_add_provenance_with_their_inlines(editor, model):
    response = editor.get(reverse(f"admin:practices_{model}_add"))
    assert response.status_code == 200


def test_an_event_change_page_lists_its_sessions(editor):
    from tests.factories import SessionFactory

    session = SessionFactory(title="Werksessie actie 22: Pleinmakers aanbieden")
    response = editor.get(reverse("admin:practices_event_change", args=[session.event.pk]))
    assert response.status_code == 200
    assert "Werksessie actie 22: Pleinmakers aanbieden" in response.content.decode()
