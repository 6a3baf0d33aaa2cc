"""Addresses that last: a changed slug redirects for good; a withdrawn sheet answers 410."""

import pytest
from django.urls import reverse

from practices.models import FormerSlug, Practice
from tests.factories import PracticeFactory
from tests.test_admin_practices import inline_management

pytestmark = pytest.mark.django_db


def rename(editor, practice, new_slug):
    data = {
        "title": practice.title,
        "slug": new_slug,
        "summary": practice.summary,
        "category": practice.category_id,
        "status": practice.status,
        "description": practice.description,
        "goals": "",
        "success_factors": "",
        "challenges": "",
        "tags": "",
        "evidence_level": practice.evidence_level,
        "life_status": practice.life_status,
        "cost_band": practice.cost_band,
        **inline_management("locations"),
        **inline_management("roles"),
        **inline_management("links"),
        **inline_management("related_choices"),
        **inline_management("assessments"),
        **inline_management("material_files"),
    }
    url = reverse("admin:practices_practice_change", args=[practice.pk])
    response = editor.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]


def test_a_changed_slug_keeps_answering_with_a_permanent_redirect(editor, anonymous):
    practice = PracticeFactory(slug="12work")
    rename(editor, practice, "12work-mechelen")
    response = anonymous.get("/praktijken/12work/")
    assert response.status_code == 301
    assert response["Location"] == "/praktijken/12work-mechelen/"
    assert anonymous.get("/praktijken/12work-mechelen/").status_code == 200


def test_a_chain_of_renames_leads_to_the_last_address(editor, anonymous):
    practice = PracticeFactory(slug="een")
    rename(editor, practice, "twee")
    rename(editor, Practice.objects.get(pk=practice.pk), "drie")
    assert anonymous.get("/praktijken/een/")["Location"] == "/praktijken/drie/"
    assert anonymous.get("/praktijken/twee/")["Location"] == "/praktijken/drie/"


def test_renaming_back_makes_the_address_current_again(editor, anonymous):
    practice = PracticeFactory(slug="oud")
    rename(editor, practice, "nieuw")
    rename(editor, Practice.objects.get(pk=practice.pk), "oud")
    assert anonymous.get("/praktijken/oud/").status_code == 200
    assert list(FormerSlug.objects.values_list("slug", flat=True)) == ["nieuw"]


def test_a_withdrawn_sheet_says_so_with_410(anonymous):
    practice = PracticeFactory(title="Pleinmakers", slug="pleinmakers")
    Practice.objects.filter(pk=practice.pk).unpublish()
    response = anonymous.get("/praktijken/pleinmakers/")
    html = response.content.decode()
    assert response.status_code == 410
    assert "Deze fiche is ingetrokken" in html and "Pleinmakers" in html
    assert 'href="/praktijken/?q=Pleinmakers"' in html


def test_a_draft_that_was_never_public_is_not_found(anonymous):
    PracticeFactory(slug="concept", draft=True)
    assert anonymous.get("/praktijken/concept/").status_code == 404
    assert anonymous.get("/praktijken/bestaat-niet/").status_code == 404
