"""/activiteiten/ and an event's page: programme, people with their roles, practices."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import (
    ActionFactory,
    EventFactory,
    OrganisationFactory,
    PracticeFactory,
    RoleFactory,
    SessionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db
AFTERNOON = "/activiteiten/studienamiddag-sociale-cohesie-2019/"
INSPIRATION_DAY = "/activiteiten/inspiratiedag-plan-samenleven/"


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_shows_both_events_with_their_dates(anonymous, seeded):
    html = page(anonymous, reverse("practices:event_list"))
    assert '<time datetime="2019-03-26">26 maart 2019</time>' in html
    assert '<time datetime="05-25">25 mei</time>' in html  # no year: the source gives none
    assert "Kazerne Dossin, Mechelen" in html
    assert html.index("Studienamiddag sociale cohesie") < html.index("Inspiratiedag")


def test_the_study_afternoon_has_its_programme_as_the_invitation_gives_it(anonymous, seeded):
    html = page(anonymous, AFTERNOON)
    for slot in [
        '12.00</time>–<time datetime="13:00">13.00</time> u.</span> Onthaal en lunch',
        '13.15</time>–<time datetime="13:35">13.35</time> u.</span> Voorstelling van de databank',
        '14.50</time>–<time datetime="16:00">16.00</time> u.</span> Parallelle workshops',
        '16.00</time>–<time datetime="17:00">17.00</time> u.</span> Receptie',
    ]:
        assert slot in html
    assert 'Spreker:</span> Ken Daems, <span class="role__as-written">team Stedenbeleid' in html
    assert 'Rachid Habchi, <span class="role__as-written">Politie — Midden Nederland' in html
    workshop = html[html.index("Workshop 1: thema jongeren") :]
    assert 'href="/praktijken/pleinpatrons/">PleinPatrons</a>' in workshop
    assert 'href="/praktijken/second-wave/">Second Wave</a>' in workshop
    assert 'href="/organisaties/team-stedenbeleid/"' in html
    # The report is the event's follow-up, dated.
    assert ">Verslag</h2>" in html and "27 mei 2019" in html


def test_the_inspiration_day_has_a_session_per_action_and_no_year(anonymous, seeded):
    html = page(anonymous, INSPIRATION_DAY)
    assert "25 mei</time> (de bron noemt geen jaar)" in html
    assert "Vlaams Parlement en Huis Madou" in html
    assert 'href="/plan-samenleven/actie-9/">actie 9</a>' in html
    assert 'href="/plan-samenleven/actie-11/">actie 11</a>' in html
    assert "Begeleiding:</span> Rebecca Johr" in html
    assert "Werksessie Intergemeentelijke Samenwerking" in html
    assert 'Kathleen Boel, <span class="role__as-written">projectleider Plan Samenleven (AgII)' in (
        html
    )
    for name in ("Agentschap Binnenlands Bestuur", "VVSG", "Agentschap Integratie en Inburgering"):
        assert name in html


def test_action_pages_list_the_sessions_and_everyone_on_them(anonymous, seeded):
    html = page(anonymous, "/plan-samenleven/actie-13/")
    assert "Begeleiding:</span> Tim Lamon" in html
    assert "Begeleiding:</span> Dorien Heuninck" in html
    assert INSPIRATION_DAY + "#sessie-" in html
    assert "Er staan nog geen praktijken bij deze actie" in html
    # The source gives her as the contact of the mentor municipality.
    action_2 = page(anonymous, "/plan-samenleven/actie-2/")
    assert "Contact bij Sint-Niklaas:</span> Els Cant" in action_2


def test_drafts_are_not_linked_from_a_session(anonymous):
    session = SessionFactory()
    session.practices.add(PracticeFactory(title="Geheim concept", draft=True))
    assert "Geheim concept" not in page(anonymous, session.event.get_absolute_url())


def test_an_unknown_event_is_not_found(anonymous):
    assert anonymous.get("/activiteiten/bestaat-niet/").status_code == 404


@pytest.mark.parametrize("size", [1, 15])
def test_query_counts_are_fixed(anonymous, django_assert_max_num_queries, size):
    event = EventFactory()
    event.organisers.add(OrganisationFactory())
    event.partners.add(OrganisationFactory())
    SourceFactory(event=event)
    for _ in range(size):
        block = SessionFactory(event=event)
        block.actions.add(ActionFactory())
        block.practices.add(PracticeFactory())
        RoleFactory(session=block)
        part = SessionFactory(event=event, parent=block)
        part.practices.add(PracticeFactory())
        RoleFactory(session=part)
        EventFactory()
    with django_assert_max_num_queries(2):
        assert anonymous.get(reverse("practices:event_list")).status_code == 200
    # event + organisers + partners + sources + sessions, their people, practices and
    # actions + the parts with their people, practices and actions
    with django_assert_max_num_queries(12):
        assert anonymous.get(event.get_absolute_url()).status_code == 200
