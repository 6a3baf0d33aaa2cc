"""Every page type says what it is in its own words: the tab's title names the search, and
each page type has its own meta description (a category's or action's own introduction)."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def title_of(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def description_of(html):
    return re.search(r'<meta name="description" content="([^"]*)"', html).group(1)


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/praktijken/", "Alle praktijken | Databank Sociale Samenhang"),
        ("/praktijken/?actie=22", "Praktijken voor actie 22 | Databank Sociale Samenhang"),
        (
            "/praktijken/?q=jongeren&provincie=limburg",
            "Praktijken voor ‘jongeren’, Limburg | Databank Sociale Samenhang",
        ),
        (
            "/praktijken/?categorie=sociale-cohesie&pagina=2",
            "Praktijken voor Sociale cohesie (pagina 2) | Databank Sociale Samenhang",
        ),
    ],
)
def test_the_tab_title_names_the_search(client, seeded, settings, url, title):
    settings.PRACTICES_PER_PAGE = 2
    assert title_of(client.get(url).content.decode()) == title


def test_each_page_type_has_its_own_description(client, seeded):
    pages = [
        "/",
        "/praktijken/",
        "/praktijken/?actie=22",
        "/praktijken/pleinpatrons/",
        "/categorie/sociale-cohesie/",
        "/plan-samenleven/",
        "/plan-samenleven/actie-2/",
        "/activiteiten/",
        "/activiteiten/studienamiddag-sociale-cohesie-2019/",
        "/organisaties/",
        "/organisaties/agentschap-integratie-en-inburgering/",
        "/over/",
        "/fiche-indienen/",
        "/privacy/",
        "/toegankelijkheid/",
        "/open-data/",
        "/bewaarlijst/",
        "/meldingen/",
    ]
    html = {url: client.get(url).content.decode() for url in pages}
    assert not [url for url, page in html.items() if "{#" in page or "{%" in page]  # no leaks
    descriptions = {url: description_of(page) for url, page in html.items()}
    assert all(descriptions.values())
    assert len(set(descriptions.values())) == len(pages), descriptions
    assert all(len(d) <= 320 for d in descriptions.values())


def test_a_category_and_an_action_describe_themselves_with_their_own_introduction(client, seeded):
    from practices.models import Action, Category

    category = Category.objects.get(slug="sociale-cohesie")
    html = client.get(category.get_absolute_url()).content.decode()
    assert description_of(html)[:40] == category.introduction[:40].replace("'", "&#x27;")
    action = Action.objects.exclude(description="").first()
    html = client.get(action.get_absolute_url()).content.decode()
    assert description_of(html)[:30] == action.description[:30].replace("'", "&#x27;")


@pytest.mark.parametrize(
    "url",
    [
        "/activiteiten/",
        "/activiteiten/inspiratiedag-plan-samenleven/",
        "/activiteiten/studienamiddag-sociale-cohesie-2019/",
        "/plan-samenleven/actie-2/",
        "/praktijken/leuvense-aanpak-jeugdwerk/",
    ],
)
def test_every_time_element_has_a_machine_readable_datetime(client, seeded, url):
    """The Nu Html Checker's rule: '25 mei' (no year) is datetime="05-25", '13.30' "13:30"."""
    html = client.get(url).content.decode()
    times = re.findall(r"<time[^>]*>", html)
    assert times
    assert all("datetime=" in t for t in times), [t for t in times if "datetime=" not in t]
