"""'Wij doen dit ook': from the form on a sheet through the editors' queue to 'Ook toegepast
in' on the sheet and in the API."""

import pytest

from adoptions.models import Adoption
from adoptions.services import RATE_LIMIT, accept_adoption, decline_adoption
from practices.models import Municipality
from submissions.dashboard import dashboard_items
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db

FORM = {
    "municipality": "Lokeren",
    "since_year": "2021",
    "changes": "We werken met de bibliotheek in plaats van het jeugdhuis.",
    "contact_name": "Jo Janssens",
    "contact_email": "jo@lokeren.example",
}


@pytest.fixture
def sheet(db):
    # Lokeren comes from the register the migrations load.
    return PracticeFactory(title="Pleinmakers", slug="pleinmakers")


def send(client, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/praktijken/pleinmakers/wij-ook/", {**FORM, **changes})


def test_every_sheet_offers_the_form(client, sheet):
    html = client.get("/praktijken/pleinmakers/").content.decode()
    assert 'href="/praktijken/pleinmakers/wij-ook/"' in html
    assert "Ook toegepast in" in html


def test_from_the_form_through_the_queue_to_the_sheet_and_the_api(
    client, sheet, editor_user, mailoutbox, django_capture_on_commit_callbacks, settings
):
    response = send(client, django_capture_on_commit_callbacks, show_contact="on")
    assert response.status_code == 302
    adoption = Adoption.objects.get()
    assert (adoption.municipality.name, adoption.status) == ("Lokeren", "new")
    assert {tuple(mail.to) for mail in mailoutbox} == {
        ("jo@lokeren.example",),
        (settings.EDITORS_EMAIL,),
    }
    counts = {item.label: item.count for item in dashboard_items()}
    assert counts["Meldingen ‘Wij doen dit ook’ om na te kijken"] == 1
    # Not on the sheet before the editors accept it.
    assert "Lokeren" not in client.get("/praktijken/pleinmakers/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        accept_adoption(adoption=adoption, editor=editor_user)
    html = client.get("/praktijken/pleinmakers/").content.decode()
    assert ">Lokeren</a></strong> (sinds 2021)" in html
    assert "We werken met de bibliotheek" in html and "jo@lokeren.example" in html
    assert "staat nu op de fiche" in mailoutbox[-1].body
    data = client.get("/api/v1/praktijken/pleinmakers/").json()
    lokeren = Municipality.objects.get(name="Lokeren")
    assert data["adopted_in"] == [
        {
            "municipality": "Lokeren",
            "nis_code": lokeren.nis_code,
            "since_year": 2021,
            "until_year": None,
        }
    ]


def test_the_contact_shows_only_with_consent(
    client, sheet, editor_user, django_capture_on_commit_callbacks
):
    send(client, django_capture_on_commit_callbacks)
    accept_adoption(adoption=Adoption.objects.get(), editor=editor_user)
    html = client.get("/praktijken/pleinmakers/").content.decode()
    assert "Lokeren" in html and "jo@lokeren.example" not in html


def test_bad_input_is_named_and_kept(client, sheet, django_capture_on_commit_callbacks):
    response = send(
        client,
        django_capture_on_commit_callbacks,
        municipality="Atlantis",
        since_year="2999",
        contact_email="geen-adres",
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<title>Fout:" in html
    assert "‘Atlantis’ staat niet in het register" in html
    assert "Vul een jaar in tussen 1900 en" in html
    assert "Vul een geldig e-mailadres in" in html
    assert "We werken met de bibliotheek" in html  # nothing typed is lost
    assert not Adoption.objects.exists()


def test_robots_and_floods_are_kept_out(
    client, sheet, mailoutbox, django_capture_on_commit_callbacks
):
    assert send(client, django_capture_on_commit_callbacks, website="x").status_code == 302
    assert not Adoption.objects.exists() and not mailoutbox
    for _ in range(RATE_LIMIT):
        send(client, django_capture_on_commit_callbacks)
    refused = send(client, django_capture_on_commit_callbacks)
    assert "Er kwamen net veel meldingen" in refused.content.decode()
    assert Adoption.objects.count() == RATE_LIMIT


def test_a_decision_is_taken_once_and_a_town_is_listed_once(
    client, sheet, editor_user, django_capture_on_commit_callbacks
):
    from django.core.exceptions import ValidationError

    from adoptions.services import AlreadyDecided

    send(client, django_capture_on_commit_callbacks)
    send(client, django_capture_on_commit_callbacks)
    first, second = Adoption.objects.order_by("pk")
    accept_adoption(adoption=first, editor=editor_user)
    with pytest.raises(AlreadyDecided):
        decline_adoption(adoption=first, editor=editor_user)
    with pytest.raises(ValidationError, match="staat al bij"):
        accept_adoption(adoption=second, editor=editor_user)


def test_the_editors_accept_in_the_admin(editor, sheet, django_capture_on_commit_callbacks, client):
    send(client, django_capture_on_commit_callbacks)
    adoption = Adoption.objects.get()
    response = editor.post(
        "/beheer/adoptions/adoption/",
        {"action": "accept", "_selected_action": [adoption.pk]},
        follow=True,
    )
    assert "1 toepassing aanvaard." in response.content.decode()
    adoption.refresh_from_db()
    assert adoption.status == "accepted"


def test_the_map_counts_adoptions_apart_from_where_practices_run(
    client, sheet, editor_user, django_capture_on_commit_callbacks
):
    send(client, django_capture_on_commit_callbacks)
    accept_adoption(adoption=Adoption.objects.get(), editor=editor_user)
    html = client.get("/kaart/").content.decode()
    assert "Ook toegepast" in html
    figures = client.get("/kaart/").context["figures"]
    adopted = {area.name: area.adopted for area in figures.areas if area.adopted}
    assert list(adopted.values()) == [1]  # Lokeren's arrondissement, Dendermonde
    assert all(area.count == 0 for area in figures.areas)  # the practice runs nowhere there
