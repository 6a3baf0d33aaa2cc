"""Each claim the fact-check of issue 23 found in the seed: made true or removed, and kept so.

Every test reads a rendered page (or the seeded row behind it), as a visitor or an editor
would meet the claim."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from practices.models import Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html):
    """The page without its tags, whitespace folded, to read sentences across markup: an
    inline tag leaves nothing, any other a space."""
    html = re.sub(r"</?(a|strong|em|span|time|abbr)\b[^>]*>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_in_the_databank_since_is_the_day_the_seed_is_loaded_here(anonymous, seeded):
    today = timezone.localdate()
    assert set(Practice.objects.values_list("published_at__date", flat=True)) == {today}
    html = page(anonymous, "/praktijken/talim/")
    assert f'In de databank sinds</dt><dd><time datetime="{today:%Y-%m-%d}">' in html
    assert "21 november 2026" not in html and "2026-11-21" not in html
    assert f'"datePublished": "{today:%Y-%m-%d}"' in html


def test_in_the_databank_since_keeps_the_first_publication(anonymous, seeded):
    first = timezone.now() - datetime.timedelta(days=400)
    Practice.objects.filter(slug="talim").update(published_at=first)
    practice = Practice.objects.get(slug="talim")
    Practice.objects.filter(pk=practice.pk).unpublish()
    Practice.objects.filter(pk=practice.pk).publish()
    html = page(anonymous, "/praktijken/talim/")
    shown = timezone.localdate(first)  # the sheet dates in Belgian time
    assert f'In de databank sinds</dt><dd><time datetime="{shown:%Y-%m-%d}">' in html


def test_sheets_from_the_earlier_databank_say_so_with_the_source(anonymous, seeded):
    listed = Practice.objects.filter(earlier_listing__isnull=False)
    assert listed.count() == 16
    # The fifteen practices of the category's sheet, and Second Wave from the invitation.
    assert set(listed.filter(earlier_listing__kind="fiche").values_list("slug", flat=True)) | {
        "pleinpatrons",
        "standaertsite",
    } == set(
        Practice.objects.filter(category__slug="sociale-cohesie").values_list("slug", flat=True)
    )
    html = text_of(page(anonymous, "/praktijken/pleinpatrons/"))
    assert (
        "Al in de vorige databank ja; bron: Uitnodiging voor de studienamiddag sociale cohesie "
        "(niet gedateerd; nodigt uit voor 26 maart 2019)" in html
    )
    html = text_of(page(anonymous, "/praktijken/chillambas/"))
    source = "Fiche ‘Sociale cohesie’ uit de Databank Sociale Samenhang (niet gedateerd)"
    assert f"bron: {source}" in html
    # A practice that only the inspiration day names does not claim the earlier databank.
    assert "Al in de vorige databank" not in page(anonymous, "/praktijken/talim/")


@pytest.mark.parametrize(
    ("url", "gone", "there"),
    [
        (
            "/praktijken/leuvense-aanpak-jeugdwerk/",
            ["heeft een vrijetijdswerking", "OKAN-vrijetijdswerking in Leuven"],
            ["Leuvense aanpak"],
        ),
        (
            "/praktijken/antwerpse-aanpak-integrale-toegankelijkheid/",
            ["Antwerpen werkt aan een lokaal actieplan"],
            ["participatie van de doelgroep centraal"],
        ),
        ("/praktijken/wts-coaches/", ["Acht van hen", "als coach"], ["acht jongeren"]),
        (
            "/praktijken/pleinmaker-hof-ten-rode-en-buurtpunt-de-nestel/",
            ["loopt in samenwerking met KVG"],
            ["speelpleinwerking gebruikt de locatie; die werkt samen met KVG en Blijdorp"],
        ),
        ("/organisaties/kvg/", ["Partner van buurtpunt"], ["inclusieve speelpleinwerking"]),
        ("/praktijken/verbindingsambassadeur-lokeren/", ["vrijetijdsaanbod"], ["jeugdwerk"]),
        (
            "/activiteiten/studienamiddag-sociale-cohesie-2019/",
            ["volgens de sprekers", "het programma zet de receptie"],
            [
                "Een databank vol ideeën om polarisering aan te pakken",
                "in het programma staat van 16 tot 17 uur een receptie",
            ],
        ),
        (
            "/categorie/sociale-cohesie/",
            ["mee beslissen", "weinig tegenkomen"],
            ["participatie en inspraak"],
        ),
        (
            "/activiteiten/",
            ["Op deze activiteiten werden de databank en praktijken eruit voorgesteld"],
            [],
        ),
        (
            "/activiteiten/inspiratiedag-plan-samenleven/",
            [
                "vertelden",
                "Er was ruimte voor vragen",
                "Per actie liep",
                "daarom staat hier geen jaar",
            ],
            ["veertien werksessies over vijftien van die acties", "ruimte voor interactie"],
        ),
        (
            "/plan-samenleven/actie-2/",
            ["Volgens de pagina van deze actie", "Vlaamse actieplan"],
            ["Contact bij Sint-Niklaas: Els Cant"],
        ),
        ("/plan-samenleven/", ["subsidie aanvragen voor acties"], ["24 acties"]),
        ("/organisaties/vvsg/", ["Vereniging van de Vlaamse steden"], []),
        ("/organisaties/politie-midden-nederland/", ["stelde er"], ["bondgenotenmethodiek"]),
        ("/praktijken/12work/", ["geen jaartal"], ["Een job in één, twee, drie"]),
        (
            "/praktijken/verbindingsambtenaar-sint-niklaas/",
            ["Volgens de pagina van actie 2"],
            ["Contact Els Cant"],
        ),
        ("/open-data/", ["(CSV)"], ["Alle praktijken als CSV"]),
    ],
)
def test_a_corrected_claim_stays_corrected(anonymous, seeded, url, gone, there):
    html = text_of(page(anonymous, url))
    for phrase in gone:
        assert phrase not in html, (url, phrase)
    for phrase in there:
        assert phrase in html, (url, phrase)


def test_no_editorial_note_about_the_missing_year_in_running_text(anonymous, seeded):
    for slug in Practice.objects.values_list("slug", flat=True):
        html = page(anonymous, f"/praktijken/{slug}/")
        assert "geen jaartal vermeld" not in html, slug
    # It is said once, where the source is listed.
    sources = page(anonymous, "/praktijken/12work/")
    assert "de inspiratiedag viel op 25 mei, zonder jaartal" in sources


def test_the_intermunicipal_session_says_what_the_agency_offers(anonymous, seeded):
    html = text_of(page(anonymous, "/activiteiten/inspiratiedag-plan-samenleven/"))
    assert "helpt steden en gemeenten een intergemeentelijke aanpak op te zetten" in html
    assert "samen het samenleven in hun regio te verbeteren" in html


def test_the_footer_names_the_action_plan_as_the_source_does(anonymous, seeded):
    html = page(anonymous, "/")
    assert "Vlaamse actieplan" not in html
    assert "actieplan tegen gewelddadige polarisering en radicalisering" in html
