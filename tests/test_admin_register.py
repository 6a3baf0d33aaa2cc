"""The register of municipalities in the admin: read-only (it changes through its loader);
editors may add, change and delete places abroad, one at a time."""

import pytest
from django.urls import reverse

from practices.models import Municipality
from practices.register import load_municipalities

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:practices_municipality_changelist")


@pytest.fixture
def register():
    load_municipalities(Municipality)
    return Municipality.objects.get(name="Gent")


def test_a_belgian_municipality_cannot_be_changed_or_deleted(editor, register):
    change = reverse("admin:practices_municipality_change", args=[register.pk])
    html = editor.get(change).content.decode()
    assert 'name="_save"' not in html  # a page to read, not a form
    response = editor.post(change, {"name": "Gent-Stad", "nis_code": "44021", "country": "BE"})
    assert response.status_code == 403
    delete = reverse("admin:practices_municipality_delete", args=[register.pk])
    assert editor.post(delete, {"post": "yes"}).status_code == 403
    register.refresh_from_db()
    assert register.name == "Gent"


def test_the_list_offers_no_bulk_delete(editor, register):
    html = editor.get(CHANGELIST).content.decode()
    assert "delete_selected" not in html
    response = editor.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [register.pk], "post": "yes"}
    )
    assert Municipality.objects.filter(pk=register.pk).exists()
    assert response.status_code in (200, 302)


def test_a_place_abroad_can_be_added_but_not_a_belgian_one(editor, register):
    add = reverse("admin:practices_municipality_add")
    data = {"name": "Rotterdam", "slug": "rotterdam", "nis_code": "", "country": "NL"}
    assert editor.post(add, data).status_code == 302
    place = Municipality.objects.get(slug="rotterdam")
    change = reverse("admin:practices_municipality_change", args=[place.pk])
    assert 'name="_save"' in editor.get(change).content.decode()
    response = editor.post(add, {**data, "name": "Nieuwdorp", "slug": "nieuwdorp", "country": "BE"})
    assert "Belgische gemeenten komen uit het officiële register" in response.content.decode()
    assert not Municipality.objects.filter(slug="nieuwdorp").exists()
