"""/organisaties/ and an organisation's page: its practices, sessions, events and people."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PracticeFactory,
    RoleFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def test_agii_shows_its_sessions_events_and_people(anonymous):
    call_command("seed", verbosity=0)
    response = anonymous.get("/organisaties/agentschap-integratie-en-inburgering/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Agentschap Integratie en Inburgering (AgII)" in html
    assert "Werksessie actie 5: Oefenkansen Nederlands organiseren" in html
    assert "Inspiratiedag Plan Samenleven</a> (25 mei) – in samenwerking" in html
    assert "Fri Dekeyser" in html and "projectmanager samenleven (AgII)" in html


def test_a_unit_links_to_its_parent(anonymous):
    call_command("seed", verbosity=0)
    html = anonymous.get("/organisaties/team-stedenbeleid/").content.decode()
    assert 'Onderdeel van <a href="/organisaties/agentschap-binnenlands-bestuur/">' in html
    assert "Studienamiddag sociale cohesie</a> (26 maart 2019) – organisator" in html


def test_an_organisation_lists_only_published_practices(anonymous):
    organisation = OrganisationFactory(name="CURANT")
    organisation.practices.add(PracticeFactory(title="Curant – cohousing project"))
    organisation.practices.add(PracticeFactory(title="Nog niet klaar", draft=True))
    html = anonymous.get(organisation.get_absolute_url()).content.decode()
    assert "Curant – cohousing project" in html and "Nog niet klaar" not in html


def test_the_list_names_every_organisation(anonymous):
    OrganisationFactory(name="VVSG")
    html = anonymous.get(reverse("practices:organisation_list")).content.decode()
    assert 'href="/organisaties/' in html and "VVSG" in html


@pytest.mark.parametrize("size", [1, 12])
def test_query_counts_are_fixed(anonymous, django_assert_max_num_queries, size):
    organisation = OrganisationFactory(parent=OrganisationFactory())
    for _ in range(size):
        organisation.practices.add(PracticeFactory())
        session = SessionFactory()
        session.organisations.add(organisation)
        RoleFactory(session=session, organisation=organisation)
        EventFactory().organisers.add(organisation)
        EventFactory().partners.add(organisation)
        OrganisationFactory(parent=organisation)
    with django_assert_max_num_queries(1):
        assert anonymous.get(reverse("practices:organisation_list")).status_code == 200
    # organisation with parent + units + practices (places, actions) + sessions + events
    # organised + events in partnership + people + the number of practices
    with django_assert_max_num_queries(10):
        assert anonymous.get(organisation.get_absolute_url()).status_code == 200
