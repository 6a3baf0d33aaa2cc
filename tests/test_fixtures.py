"""The seed data (fixtures/, built from the source documents) loads on SQLite and PostgreSQL
and keeps its facts, each at the level the source states it."""

import pytest
from django.core.management import call_command

from practices.models import (
    Action,
    Category,
    Event,
    Municipality,
    Organisation,
    Person,
    Practice,
    Role,
    Session,
    Source,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def test_every_seeded_practice_is_published_and_valid(seeded):
    assert Practice.objects.count() == 29
    assert Practice.objects.published().count() == 29
    for model in (Practice, Event, Session, Source, Role, Organisation):
        for row in model.objects.all():
            row.full_clean()


def test_the_category_holds_what_its_sheet_says_of_all_its_practices(seeded):
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
    assert list(category.sources.values_list("kind", flat=True)) == ["fiche"]


def test_no_practice_carries_the_category_as_its_own(seeded):
    category = Category.objects.get(slug="sociale-cohesie")
    for practice in category.practices.all():
        assert not set(practice.goals) & set(category.goals), practice
        assert not set(practice.success_factors) & set(category.success_factors), practice
    # Only practices whose own source speaks of a library, or of the neighbourhood's youth.
    assert set(
        Practice.objects.filter(policy_domains__slug="bibliotheek").values_list("slug", flat=True)
    ) == {"bibambassadeurs"}
    assert set(
        Practice.objects.filter(target_groups__slug="jongeren-uit-de-buurt").values_list(
            "slug", flat=True
        )
    ) == {"pleinpatrons"}


@pytest.mark.parametrize(
    ("slug", "groups", "detail"),
    [
        ("wts-coaches", {"Kinderen", "Jongeren"}, "kinderen van 6 tot 12 jaar"),
        ("samen-inburgeren", {"Nieuwkomers"}, "anderstalige deelnemer"),
        ("samenwerkingstraject-bart-brandsma", {"Professionals"}, "professionals"),
        ("talim", {"Jongeren"}, ""),
        ("curant-cohousing-project", {"Vluchtelingen", "Jongvolwassenen"}, "jonge vluchtelingen"),
        ("casablanca", set(), ""),
    ],
)
def test_a_practice_has_the_target_groups_its_source_gives_it(seeded, slug, groups, detail):
    practice = Practice.objects.get(slug=slug)
    assert set(practice.target_groups.values_list("name", flat=True)) == groups
    assert detail in practice.target_group_detail


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


def test_contacts_are_only_what_the_sources_give_as_contact(seeded):
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
    # Nobody who led a work session is a place's contact.
    assert not Practice.objects.exclude(locations__contact_name="").exists()
    assert set(Role.objects.contacts().values_list("person__name", flat=True)) == {"Els Cant"}


def test_people_have_the_role_and_title_the_source_gives(seeded):
    role = Role.objects.get(person__name="Maarten De Waele")
    assert role.kind == "begeleiding"
    assert role.as_written == "coördinator preventie radicalisering & toxische polarisatie (VVSG)"
    assert role.organisation.name == "VVSG"
    assert role.session.actions.get().number == 2
    speaker = Role.objects.get(person__name="Rachid Habchi")
    assert (speaker.kind, speaker.as_written) == (
        "spreker",
        "Politie — Midden Nederland, Landelijk Projectleider",
    )
    assert speaker.session.start_time.strftime("%H.%M") == "13.35"
    assert Person.objects.count() >= 38


def test_actions_name_everyone_who_works_on_them(seeded):
    for number in (5, 13, 15):
        action = Action.objects.get(number=number)
        assert Role.objects.filter(session__actions=action).exists(), number
    assert set(
        Role.objects.filter(session__actions__number=13).values_list("person__name", flat=True)
    ) == {"Tim Lamon", "Dorien Heuninck"}


def test_action_2_as_on_its_page(seeded):
    action = Action.objects.get(number=2)
    assert action.title == "Lokaal actieplan polarisatie ontwikkelen en uitrollen"
    assert action.minimal_expectations == ["Opmaak actieplan", "Uitvoering actieplan"]
    assert action.max_subsidy == 25000
    assert action.mentor_municipality.name == "Sint-Niklaas"
    assert action.roles.get().person.name == "Els Cant"
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
        assert sorted(practice.sessions.values_list("actions__number", flat=True)) == numbers


def test_events_as_the_sources_date_them(seeded):
    afternoon = Event.objects.get(slug="studienamiddag-sociale-cohesie-2019")
    assert (afternoon.day, afternoon.month, afternoon.year) == (26, 3, 2019)
    assert afternoon.venue == "Kazerne Dossin" and afternoon.municipality.name == "Mechelen"
    assert list(afternoon.organisers.values_list("name", flat=True)) == ["Team Stedenbeleid"]
    day = Event.objects.get(slug="inspiratiedag-plan-samenleven")
    assert (day.day, day.month, day.year) == (25, 5, None)  # the source names no year
    assert set(day.organisers.values_list("short_name", "name")) == {
        ("ABB", "Agentschap Binnenlands Bestuur"),
        ("", "VVSG"),
    }
    assert day.sessions.filter(actions__isnull=True).get().title == (
        "Werksessie Intergemeentelijke Samenwerking"
    )
    report = afternoon.sources.get(kind="verslag")
    assert report.date_label == "27 mei 2019"


def test_every_sheet_says_where_its_facts_come_from(seeded):
    assert not Practice.objects.filter(sources__isnull=True).exists()
    assert Practice.objects.get(slug="bondgenotenmethodiek").situation_label == "maart 2019"
    # Sheets from the inspiration day: the source gives no year, so neither do we.
    assert Practice.objects.get(slug="talim").situation_label == ""
    assert not Practice.objects.filter(content_changed_at__isnull=False).exists()


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
