import datetime

import pytest
from django.urls import reverse

from evidence.models import Criterion
from evidence.services import record_assessment
from practices.models import PracticeLocation
from tests.factories import (
    ActionFactory,
    EventFactory,
    MunicipalityFactory,
    OrganisationFactory,
    PolicyDomainFactory,
    PracticeFactory,
    PracticeLinkFactory,
    RoleFactory,
    SessionFactory,
    SourceFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db


def full_practice():
    practice = PracticeFactory(
        title="Curant – cohousing project",
        slug="curant",
        goals=["Samen wonen", "Een netwerk uitbouwen"],
        success_factors=["Een buddy die helpt"],
        description="Jonge vluchtelingen wonen samen met Vlaamse jongvolwassenen.",
    )
    PracticeLocation.objects.create(
        practice=practice,
        municipality=MunicipalityFactory(name="Antwerpen"),
        description="Woonunits van CURANT.",
        contact_email="curant@antwerpen.be",
    )
    PracticeLocation.objects.create(
        practice=practice,
        area_label="Meer dan 30 gemeenten",
        contact_url="http://www.sameninburgeren.be/contact/",
    )
    PracticeLinkFactory(practice=practice, title="Projectpagina")
    practice.target_groups.add(TargetGroupFactory(name="Jongeren uit de buurt"))
    practice.policy_domains.add(PolicyDomainFactory(name="Vrije tijd"))
    practice.actions.add(ActionFactory(number=22, title="Pleinmakers aanbieden"))
    practice.tags.add("cohousing")
    return practice


def test_sheet_shows_every_section_in_the_source_order(anonymous):
    practice = full_practice()
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    # The text, in the order of the source sheets ...
    main = html[html.index('<div class="sheet__main">') :]
    headings = [
        "Doelen",
        "Doelgroep",
        "Beschrijving",
        "Succesfactoren",
        "Deze praktijk in",
        "Nuttige links",
        "Beleidsdomeinen",
        "Trefwoorden",
    ]
    positions = [main.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    # ... and beside it the panel: where, category, actions, evidence, contact, the tools.
    panel = html[html.index('<aside class="sheet__panel"') : html.index("</aside>")]
    headings = ["Waar", "Categorie", "Plan Samenleven", "Onderbouwing", "Contact"]
    positions = [panel.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    assert "Afdrukken</button>" in panel and "Deel per mail" in panel and "Bewaar" in panel
    assert 'href="mailto:curant@antwerpen.be"' in panel
    assert "Nagekeken door de redactie: nog niet" in panel
    # An empty list has no heading: Uitdagingen stays away.
    assert ">Uitdagingen</h2>" not in html


def test_sheet_shows_places_with_what_they_do_and_their_contact(anonymous):
    html = anonymous.get(full_practice().get_absolute_url()).content.decode()
    assert '<h3><a href="/praktijken/?gemeente=antwerpen">Antwerpen</a></h3>' in html
    assert "Woonunits van CURANT." in html
    assert 'href="mailto:curant@antwerpen.be"' in html
    assert "<h3>Meer dan 30 gemeenten</h3>" in html
    assert 'href="http://www.sameninburgeren.be/contact/"' in html
    assert "Actie 22: Pleinmakers aanbieden" in html
    assert "In de databank sinds" in html


def test_every_taxonomy_value_on_a_sheet_links_to_the_search_and_bare_places_are_one_line(
    anonymous,
):
    from tests.factories import MunicipalityFactory, PracticeLocationFactory

    practice = full_practice()
    bare = PracticeLocationFactory(
        practice=practice, municipality=MunicipalityFactory(name="Zoersel"), description=""
    )
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    compact = html[html.index('<ul class="places-compact">') :]
    assert (
        f'<li><a href="/praktijken/?gemeente={bare.municipality.slug}">Zoersel</a></li>'
        in (compact[: compact.index("</ul>")])
    )
    assert "<h3>Zoersel" not in html  # no empty box
    assert 'href="/praktijken/?actie=22">alle praktijken voor actie 22</a>' in html
    for term in practice.target_groups.all():
        assert f'href="/praktijken/?doelgroep={term.slug}"' in html
    for term in practice.policy_domains.all():
        assert f'href="/praktijken/?beleidsdomein={term.slug}"' in html


def test_sheet_offers_to_submit_a_practice(anonymous):
    html = anonymous.get(full_practice().get_absolute_url()).content.decode()
    assert "Ontbreekt jouw praktijk nog?" in html
    assert f'href="{reverse("submissions:submit_practice")}">Dien ze in' in html


def test_text_from_the_database_is_escaped(anonymous):
    practice = PracticeFactory(
        title="<b>Vet</b>", description="<script>alert('x')</script>", goals=["<i>doel</i>"]
    )
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<i>doel</i>" not in html
    assert "&lt;script&gt;" in html


def test_draft_is_not_found_for_the_public(anonymous, submitter):
    draft = PracticeFactory(draft=True)
    assert anonymous.get(draft.get_absolute_url()).status_code == 404
    assert submitter.get(draft.get_absolute_url()).status_code == 404


def test_editor_previews_a_draft_with_a_notice(editor):
    draft = PracticeFactory(draft=True, title="Concept van Genk")
    response = editor.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Concept van Genk" in response.content.decode()
    assert "Voorbeeld van een concept" in response.content.decode()


def test_unknown_practice_gets_the_dutch_404_page(anonymous):
    response = anonymous.get(reverse("practices:practice_detail", args=["bestaat-niet"]))
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


@pytest.mark.parametrize("extra", [1, 12])
def test_query_count_is_fixed(anonymous, django_assert_max_num_queries, extra):
    # practice + places + actions + links + groups + domains + tags + organisations
    # + the category's groups and domains + sources + people + sessions, their actions and
    # their people + related practices with their places and actions: 18, whatever the size.
    practice = full_practice()
    practice.category.target_groups.add(TargetGroupFactory())
    for _ in range(extra):
        PracticeFactory(category=practice.category, places=[MunicipalityFactory()])
        PracticeLocation.objects.create(practice=practice, municipality=MunicipalityFactory())
        practice.tags.add(f"tag{_}")
        practice.organisations.add(OrganisationFactory())
        practice.sources.add(SourceFactory(event=EventFactory()))
        session = SessionFactory()
        session.practices.add(practice)
        session.actions.add(ActionFactory())
        RoleFactory(session=session)
        RoleFactory(session=session, practice=practice, kind="toelichting")
        RoleFactory(session=None, practice=practice, kind="contact")
        record_assessment(
            practice=practice,
            level="lokaal-geevalueerd",
            assessed_on=datetime.date(2026, 1, 1 + _),
            criteria=Criterion.objects.all(),
            documents=[(f"Evaluatie {_}", "https://gent.example/evaluatie.pdf")],
        )
        practice.material_files.create(title=f"Handleiding {_}", url="https://gent.example/h")
    # 18, the dossiers the sheet is in (dossiers.templatetags) and the towns that took it
    # over (adoptions.templatetags); the similar practices (practices.related) cost the
    # editors' choices and the scores, and their cards what the category's cards cost; the
    # latest assessment with its criteria and documents (evidence.templatetags); the
    # materials to download.
    with django_assert_max_num_queries(26):
        assert anonymous.get(practice.get_absolute_url()).status_code == 200
