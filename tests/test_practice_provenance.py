"""What a sheet says about where its facts come from, when, and who acts in it."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def sheet(client, slug):
    response = client.get(f"/praktijken/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_seeded_sheet_names_its_sources_with_their_dates(anonymous, seeded):
    html = sheet(anonymous, "bondgenotenmethodiek")
    sources = html[html.index(">Bronnen</h2>") :]
    assert "Verslag van de studienamiddag sociale cohesie" in sources
    assert '<time datetime="2019-05-27">27 mei 2019</time>' in sources
    assert "nodigt uit voor 26 maart 2019" in sources
    # The event that a source is about has a page, and the source links to it.
    assert 'href="/activiteiten/studienamiddag-sociale-cohesie-2019/"' in sources


def test_dates_are_honest(anonymous, seeded):
    html = sheet(anonymous, "bondgenotenmethodiek")
    assert 'Stand van zaken: <time datetime="2019-03">maart 2019</time>' in html
    assert "niet gewijzigd sinds de opname" in html
    assert "Laatst bijgewerkt" not in html
    # Ageing statements carry their time.
    assert "In maart 2019 werkte Utrecht al meer dan tien jaar met de methodiek" in html
    undated = sheet(anonymous, "talim")
    assert "Stand van zaken: niet gedateerd" in undated


def test_people_appear_with_the_role_the_source_gives(anonymous, seeded):
    html = sheet(anonymous, "leuvense-aanpak-jeugdwerk")
    assert "Toelichting:</span> Bruno Magnus" in html
    assert "jongerenwerker &amp; project medewerker OKAN vrijetijdswerking" in html
    assert "<dt>Contact</dt>" not in html  # the source gives nobody as contact here
    talim = sheet(anonymous, "talim")
    assert "Begeleiding:</span> Johan Boucneau" in talim
    assert "<dt>Contact</dt>" not in talim


def test_a_sheet_links_the_sessions_where_it_was_presented(anonymous, seeded):
    html = sheet(anonymous, "pleinmakers")
    assert ">Voorgesteld op</h2>" in html
    assert "Werksessie actie 22: Pleinmakers aanbieden" in html
    assert "/activiteiten/inspiratiedag-plan-samenleven/#sessie-" in html
    assert 'Inspiratiedag Plan Samenleven, <time datetime="05-25">25 mei</time>' in html


def test_a_sheet_shows_the_contacts_its_sources_give(anonymous, seeded):
    html = sheet(anonymous, "verbindingsambtenaar-sint-niklaas")
    assert "Contact:</span> Els Cant" in html
    assert 'href="mailto:curant@antwerpen.be"' in sheet(anonymous, "curant-cohousing-project")


def test_organisations_on_a_sheet_link_to_their_page(anonymous, seeded):
    html = sheet(anonymous, "toeleiding-kansengroepen-hogere-studies")
    assert 'href="/organisaties/ku-leuven/"' in html
    assert 'href="/organisaties/ucll/"' in html


def test_taxonomy_values_on_a_sheet_link_to_the_search(anonymous, seeded):
    html = sheet(anonymous, "wts-coaches")
    assert 'href="/praktijken/?doelgroep=kinderen"' in html
    assert "kinderen van 6 tot 12 jaar" in html
