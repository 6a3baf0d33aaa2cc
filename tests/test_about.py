"""/over/: what the databank is, who made it, since when and why; linked from every page."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_about_page_says_what_the_sources_say(anonymous, django_assert_max_num_queries):
    # The levels of evidence and their criteria, as the editors worded them (evidence/).
    with django_assert_max_num_queries(2):
        response = anonymous.get("/over/")
    html = response.content.decode()
    assert response.status_code == 200
    for fact in [
        "Agentschap Binnenlands Bestuur</a> ontwikkelde de databank",
        "eind 2018",
        "26 maart 2019",
        "Kazerne Dossin",
        "Hoe een fiche in de databank komt",
        "Hoe je een fiche leest",
        "Gedeeld binnen de categorie",
        'href="mailto:samenleven@vvsg.be"',
    ]:
        assert fact in html


def test_its_links_lead_somewhere(anonymous):
    call_command("seed", verbosity=0)
    html = anonymous.get("/over/").content.decode()
    for path in [
        "/organisaties/agentschap-binnenlands-bestuur/",
        "/organisaties/team-stedenbeleid/",
        "/activiteiten/studienamiddag-sociale-cohesie-2019/",
    ]:
        assert f'href="{path}"' in html
        assert anonymous.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/", "/praktijken/", "/fiche-indienen/", "/privacy/"])
def test_every_page_links_to_it(anonymous, path):
    assert 'href="/over/"' in anonymous.get(path).content.decode()
