"""Integrity rules the database enforces, and the practice queryset."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from practices.models import Action, Municipality, Practice, PracticeLocation
from search.text import search as text_search
from tests.factories import (
    ActionFactory,
    MunicipalityFactory,
    PracticeFactory,
)

pytestmark = pytest.mark.django_db


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


@pytest.mark.parametrize("number", [0, 25, 100])
def test_action_number_outside_1_to_24_is_refused(number):
    refused(lambda: Action.objects.create(number=number, title="Te hoog"))


def test_action_number_is_unique():
    Action.objects.create(number=2, title="Lokaal actieplan polarisatie")
    refused(lambda: Action.objects.create(number=2, title="Nog eens actie 2"))


def test_action_number_duplicate_gets_a_form_message():
    ActionFactory(number=7)
    with pytest.raises(ValidationError) as error:
        Action(number=7, title="Dubbel").full_clean()
    assert "number" in error.value.message_dict


def test_published_practice_needs_a_publication_date():
    refused(lambda: PracticeFactory(status=Practice.Status.PUBLISHED, published_at=None))


def test_clean_dates_a_practice_published_through_a_form():
    practice = PracticeFactory(draft=True)
    practice.status = Practice.Status.PUBLISHED
    practice.full_clean()
    assert practice.published_at is not None


def test_image_without_alt_text_is_refused_with_a_message_on_the_field():
    practice = PracticeFactory.build(image="praktijken/foto.jpg", image_alt="")
    with pytest.raises(ValidationError) as error:
        practice.clean()
    assert "image_alt" in error.value.message_dict
    refused(lambda: PracticeFactory(image="praktijken/foto.jpg", image_alt=""))


def test_location_needs_a_municipality_or_an_area():
    practice = PracticeFactory()
    refused(lambda: PracticeLocation.objects.create(practice=practice))
    with pytest.raises(ValidationError) as error:
        PracticeLocation(practice=practice).full_clean()
    assert "municipality" in error.value.message_dict


def test_wide_roll_out_without_municipality_is_allowed():
    location = PracticeLocation.objects.create(
        practice=PracticeFactory(), area_label="Meer dan 30 gemeenten"
    )
    assert location.place_name == "Meer dan 30 gemeenten"


def test_a_municipality_appears_once_per_practice():
    practice, gent = PracticeFactory(), MunicipalityFactory(name="Gent")
    PracticeLocation.objects.create(practice=practice, municipality=gent)
    refused(lambda: PracticeLocation.objects.create(practice=practice, municipality=gent))


@pytest.mark.parametrize("code", ["4402", "4402a", " 4402"])
def test_nis_code_has_five_digits(code):
    refused(lambda: MunicipalityFactory(nis_code=code))


def test_nis_code_is_unique_but_may_be_empty_for_many():
    MunicipalityFactory(nis_code="99001")
    MunicipalityFactory(nis_code="", country=Municipality.Country.NETHERLANDS, province="")
    MunicipalityFactory(nis_code="", country=Municipality.Country.NETHERLANDS, province="")
    refused(lambda: MunicipalityFactory(nis_code="99001"))


def test_province_only_for_belgian_municipalities():
    refused(
        lambda: MunicipalityFactory(
            country=Municipality.Country.NETHERLANDS, province=Municipality.Province.LIMBURG
        )
    )


def test_municipality_names_are_unique_regardless_of_case():
    MunicipalityFactory(name="Gent")
    refused(lambda: MunicipalityFactory(name="gent"))


def test_publish_keeps_the_first_publication_date():
    published = PracticeFactory()
    first_date = published.published_at
    draft = PracticeFactory(draft=True)
    assert Practice.objects.filter(pk__in=[published.pk, draft.pk]).publish() == 2
    published.refresh_from_db()
    draft.refresh_from_db()
    assert published.published_at == first_date
    assert draft.is_published and draft.published_at is not None


def test_unpublish_turns_practices_back_into_drafts():
    practice = PracticeFactory()
    Practice.objects.filter(pk=practice.pk).unpublish()
    assert not Practice.objects.published().exists()


def test_visible_to_shows_drafts_to_editors_only(editor_user):
    draft = PracticeFactory(draft=True)
    assert draft in Practice.objects.visible_to(editor_user)
    assert draft not in Practice.objects.visible_to(AnonymousUser())


def test_search_matches_every_word_case_insensitively():
    pleinmakers = PracticeFactory(title="Pleinmakers", summary="Ontmoeting op het plein")
    PracticeFactory(title="Bibambassadeurs", summary="Jongeren in de bibliotheek")
    assert list(text_search(Practice.objects.all(), "PLEIN ontmoeting")) == [pleinmakers]
