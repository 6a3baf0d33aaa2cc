"""The shortlist: kept in the session without an account, works with plain form posts (no
script), prints as one document, exports, shares as a read-only link, compares 2 to 4."""

import csv
import io
from urllib.parse import urlsplit

import pytest

from tests.factories import PracticeFactory, PracticeLocationFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices():
    youth = TargetGroupFactory(name="Jongeren")
    made = []
    for n, title in enumerate(["Buurtfeest", "CURANT cohousing", "Samen inburgeren"]):
        practice = PracticeFactory(
            title=title, slug=f"p{n}", goals=[f"Doel van {title}"], success_factors=["Buren"]
        )
        practice.target_groups.add(youth)
        PracticeLocationFactory(practice=practice, contact_email=f"p{n}@gemeente.example")
        made.append(practice)
    return made


def save(client, practice, back="/praktijken/"):
    return client.post(f"/bewaarlijst/bewaar/{practice.slug}/", {"volgende": back})


def test_bewaar_works_without_script_and_returns_to_the_page(anonymous, practices):
    response = save(anonymous, practices[1], back="/praktijken/?q=cohousing")
    assert response.status_code == 302 and response.url == "/praktijken/?q=cohousing"
    save(anonymous, practices[0])
    html = anonymous.get("/bewaarlijst/").content.decode()
    assert html.index("CURANT cohousing") < html.index("Buurtfeest")  # the order saved in
    assert "Bewaarlijst (2)" in html  # the menu counts them
    assert "Doel van CURANT cohousing" in html and "p1@gemeente.example" in html  # printable


def test_the_button_shows_the_state_and_removes(anonymous, practices):
    save(anonymous, practices[0])
    sheet = anonymous.get(practices[0].get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in sheet
    anonymous.post(
        f"/bewaarlijst/bewaar/{practices[0].slug}/", {"actie": "verwijder", "volgende": "/"}
    )
    assert "Je bewaarlijst is leeg" in anonymous.get("/bewaarlijst/").content.decode()


def test_only_published_practices_and_safe_redirects(anonymous, practices):
    draft = PracticeFactory(status="draft", published_at=None)
    assert save(anonymous, draft).status_code == 404
    response = save(anonymous, practices[0], back="https://evil.example/")
    assert response.url == "/bewaarlijst/"
    assert anonymous.get("/bewaarlijst/bewaar/p0/").status_code == 405  # POST only


def test_the_list_exports_like_a_search(anonymous, practices):
    save(anonymous, practices[2])
    save(anonymous, practices[0])
    response = anonymous.get("/bewaarlijst/export.csv")
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["Samen inburgeren", "Buurtfeest"]


def test_a_shared_link_shows_the_list_read_only_and_cannot_be_forged(
    anonymous, client, practices, settings
):
    settings.SITE_URL = "https://databank.example"
    save(anonymous, practices[1])
    save(anonymous, practices[2])
    html = anonymous.get("/bewaarlijst/").content.decode()
    share = html.split('class="share-url" type="text" readonly value="')[1].split('"')[0]
    assert share.startswith("https://databank.example/bewaarlijst/")  # SITE_URL, not the Host
    path = urlsplit(share).path
    client.cookies.clear()
    shared = client.get(path).content.decode()  # another visitor, no session
    assert "Gedeelde bewaarlijst" in shared
    assert "CURANT cohousing" in shared and "Samen inburgeren" in shared
    assert "haal weg" not in shared
    forged = path.replace(path.split("/")[-2], path.split("/")[-2][:-2] + "xx")
    assert client.get(forged).status_code == 404


def test_compare_two_to_four_side_by_side(anonymous, practices):
    html = anonymous.get("/bewaarlijst/vergelijk/?fiche=p0&fiche=p1").content.decode()
    for row in ("Doelen", "Doelgroep", "Succesfactoren", "Waar", "Contact", "Onderbouwing"):
        assert f'<th scope="row">{row}</th>' in html
    assert "Doel van Buurtfeest" in html and "Doel van CURANT cohousing" in html
    one = anonymous.get("/bewaarlijst/vergelijk/?fiche=p0").content.decode()
    assert "Kies 2 tot 4 praktijken om te vergelijken; je koos er 1." in one
    assert "Bewaar minstens twee praktijken" in one  # nothing saved to choose from


def test_comparing_fewer_than_two_offers_the_choice_again(anonymous, practices):
    for practice in practices:
        save(anonymous, practice)
    html = anonymous.get("/bewaarlijst/vergelijk/?fiche=p1").content.decode()
    assert "je koos er 1." in html
    assert 'value="p1" aria-describedby="vergelijk-uitleg" checked>' in html
    assert 'value="p0" aria-describedby="vergelijk-uitleg">' in html  # not ticked


def test_the_list_prints_with_site_date_and_addresses_and_copies_its_link(
    anonymous, practices, settings
):
    settings.SITE_URL = "https://databank.example"
    save(anonymous, practices[0])
    html = anonymous.get("/bewaarlijst/").content.decode()
    assert "Databank Sociale Samenhang · bewaarlijst · afgedrukt op" in html
    assert '<p class="print-only">https://databank.example/praktijken/p0/</p>' in html
    assert 'data-copy="deel-link"' in html and "data-print" in html
    # One saved practice cannot be compared: the list says so instead of a form.
    assert "Bewaar minstens twee praktijken om ze naast elkaar te vergelijken." in html


def test_bewaar_answers_a_script_in_json(anonymous, practices):
    answer = anonymous.post(
        "/bewaarlijst/bewaar/p0/", {"volgende": "/"}, headers={"Accept": "application/json"}
    ).json()
    assert answer == {"saved": True, "count": 1, "title": "Buurtfeest"}
    answer = anonymous.post(
        "/bewaarlijst/bewaar/p0/",
        {"actie": "verwijder"},
        headers={"Accept": "application/json"},
    ).json()
    assert answer == {"saved": False, "count": 0, "title": "Buurtfeest"}


def test_a_card_s_bewaar_comes_back_to_the_card(anonymous, practices):
    html = anonymous.get("/praktijken/").content.decode()
    assert 'name="volgende" value="/praktijken/#fiche-p0"' in html
    assert 'id="fiche-p0"' in html


def test_query_counts_stay_fixed(anonymous, practices):
    from tests.queries import queries_for

    for practice in practices[:2]:
        save(anonymous, practice)
    few = queries_for(anonymous, "/bewaarlijst/")
    compare = queries_for(anonymous, "/bewaarlijst/vergelijk/?fiche=p0&fiche=p1")
    save(anonymous, practices[2])
    for n in range(5):
        save(anonymous, PracticeFactory(slug=f"extra-{n}"))
    assert queries_for(anonymous, "/bewaarlijst/") == few
    assert queries_for(anonymous, "/bewaarlijst/vergelijk/?fiche=p0&fiche=p1&fiche=p2") == compare
    print(f"bewaarlijst: {few} queries, vergelijk: {compare}")


def test_bewaar_is_limited_per_client_and_makes_no_session_for_nothing(client, practices, settings):
    from django.contrib.sessions.models import Session

    from shortlist import views

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Taking off what was never kept stores no session.
    client.post(f"/bewaarlijst/bewaar/{practices[0].slug}/", {"actie": "verwijder"})
    assert Session.objects.count() == 0 and "sessionid" not in client.cookies
    # A script posting over and over without a session cookie is stopped.
    answers = []
    for _ in range(views.TOGGLE_LIMIT + 5):
        client.cookies.clear()
        answers.append(save(client, practices[0]).status_code)
    assert answers.count(302) == views.TOGGLE_LIMIT - 1  # the first post counted too
    assert answers[-1] == 429
    assert Session.objects.count() == views.TOGGLE_LIMIT - 1
    page = save(client, practices[0])
    assert page["Retry-After"] == str(views.TOGGLE_WINDOW)
    assert "Even wachten" in page.content.decode()


def test_the_compare_table_and_the_list_say_who_assessed_the_evidence(anonymous, practices):
    import datetime

    from django.utils import timezone

    from evidence.services import record_assessment

    today = timezone.localdate()
    record_assessment(
        practice=practices[0],
        level="lokaal-geevalueerd",
        assessed_on=today - datetime.timedelta(days=10),
        external_body="Hogeschool Gent",
    )
    record_assessment(  # long expired: the list says so
        practice=practices[1],
        level="extern-onderzocht",
        assessed_on=datetime.date(2015, 1, 1),
        valid_until=datetime.date(2020, 1, 1),
    )
    html = anonymous.get("/bewaarlijst/vergelijk/?fiche=p0&fiche=p1").content.decode()
    assert "Lokaal geëvalueerd (beoordeeld door Hogeschool Gent op" in html
    assert "(beoordeling verlopen op 1 januari 2020)" in html
    save(anonymous, practices[0])
    assert "beoordeeld door Hogeschool Gent" in anonymous.get("/bewaarlijst/").content.decode()
