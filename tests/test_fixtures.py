"""The seed data from ../shared/seeds loads (on SQLite and PostgreSQL) and keeps its facts."""

import pytest
from django.core.management import call_command

from practices.models import Action, Category, Municipality, Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def test_every_seeded_practice_is_published_and_valid(seeded):
    assert Practice.objects.count() == 29
    assert Practice.objects.published().count() == 29
    for practice in Practice.objects.all():
        practice.full_clean()


def test_category_sheet_facts(seeded):
    category = Category.objects.get(slug="sociale-cohesie")
    assert set(category.target_groups.values_list("name", flat=True)) == {
        "Jongeren uit de buurt",
        "Alle buurtbewoners",
    }
    assert set(category.policy_domains.values_list("name", flat=True)) == {
        "Vrije tijd",
        "Veiligheid",
        "Jeugd",
        "Vrijwilligerswerk",
        "Bibliotheek",
    }
    assert len(category.goals) == 6 and len(category.success_factors) == 4
    assert category.practices.count() == 15
    # Every practice of the category carries the shared content, so its sheet stands alone.
    for practice in category.practices.all():
        assert practice.goals == category.goals
        assert practice.target_groups.count() == 2
        assert practice.policy_domains.count() == 5


@pytest.mark.parametrize(
    ("slug", "places"),
    [
        ("pleinpatrons", ["Antwerpen", "Brussel", "Gent"]),
        ("curant-cohousing-project", ["Antwerpen"]),
        ("samen-inburgeren", ["Meer dan 30 gemeenten"]),
        ("bondgenotenmethodiek", ["Utrecht"]),
        ("regenboogbeleid-amsterdam", ["Amsterdam"]),
        ("second-wave", ["Vilvoorde"]),
        ("12work", ["Mechelen"]),
        ("talim", ["Genk"]),
        ("lokaal-actieplan-polarisatie-turnhout-en-halle", ["Turnhout", "Halle"]),
    ],
)
def test_practices_run_where_the_sources_say(seeded, slug, places):
    practice = Practice.objects.get(slug=slug)
    assert [location.place_name for location in practice.locations.all()] == places


def test_contacts_carry_over_exactly(seeded):
    contacts = {
        (location.practice.slug, location.contact_email or location.contact_url)
        for location in Practice.objects.get(slug="curant-cohousing-project").locations.all()
        | Practice.objects.get(slug="pleinmakers").locations.all()
        | Practice.objects.get(slug="samen-inburgeren").locations.all()
    }
    assert contacts == {
        ("curant-cohousing-project", "curant@antwerpen.be"),
        ("pleinmakers", "socialecohesie@mechelen.be"),
        ("samen-inburgeren", "http://www.sameninburgeren.be/contact/"),
    }


def test_action_2_as_on_its_page(seeded):
    action = Action.objects.get(number=2)
    assert action.title == "Lokaal actieplan polarisatie ontwikkelen en uitrollen"
    assert action.minimal_expectations == ["Opmaak actieplan", "Uitvoering actieplan"]
    assert action.max_subsidy == 25000
    assert action.mentor_municipality.name == "Sint-Niklaas"
    assert action.contact_name == "Els Cant"
    assert "Wij-Zij Netwerk" in action.support
    assert set(action.practices.values_list("slug", flat=True)) >= {"regenboogbeleid-amsterdam"}


def test_work_session_actions_and_their_practices(seeded):
    assert list(Action.objects.values_list("number", flat=True)) == [
        2, 5, 7, 9, 11, 13, 14, 15, 17, 18, 19, 20, 22, 23, 24,
    ]  # fmt: skip
    linked = {
        "12work": [9, 11],
        "talim": [14],
        "omstaandertraining": [17],
        "pleinmakers": [22],
        "correspondentietesten-huurmarkt": [19],
    }
    for slug, numbers in linked.items():
        practice = Practice.objects.get(slug=slug)
        assert sorted(practice.actions.values_list("number", flat=True)) == numbers


def test_municipalities_abroad_have_no_province(seeded):
    assert set(Municipality.objects.filter(country="NL").values_list("name", "province")) == {
        ("Utrecht", ""),
        ("Amsterdam", ""),
    }
    assert Municipality.objects.get(name="Genk").province == "limburg"


def test_seed_never_overwrites_what_is_there(seeded, capsys):
    Practice.objects.filter(slug="pleinpatrons").update(title="PleinPatrons (herzien)")
    call_command("seed")
    assert Practice.objects.get(slug="pleinpatrons").title == "PleinPatrons (herzien)"
    assert "blijven ongeladen" in capsys.readouterr().out


def test_seed_brings_the_example_synonyms(seeded):
    from practices.models import SynonymGroup

    assert [group.terms for group in SynonymGroup.objects.all()] == [
        ["polarisatie", "polarisering"],
        ["sociale cohesie", "sociale samenhang"],
        ["jongeren", "jeugd"],
    ]
