"""'Stel je vraag via de redactie': a sheet without a contact offers it; the question reaches
the editors (Reply-To: the asker) and the asker a copy, and the databank then forgets it."""

import pytest

from enquiries.models import Enquiry
from enquiries.services import RATE_LIMIT
from tests.factories import PracticeFactory, PracticeLocationFactory

pytestmark = pytest.mark.django_db

QUESTION = {
    "name": "Jo Janssens",
    "email": "jo@gemeente.example",
    "message": "Loopt dit project nog, en met wie kan ik praten?",
}


@pytest.fixture
def without_contact(db):
    practice = PracticeFactory(title="Buurtfeest", slug="buurtfeest")
    PracticeLocationFactory(practice=practice)
    return practice


def test_a_sheet_without_contact_offers_the_question_form(client, without_contact):
    html = client.get("/praktijken/buurtfeest/").content.decode()
    assert "Deze fiche vermeldt nog geen contactpersoon." in html
    assert 'href="/praktijken/buurtfeest/vraag/"' in html
    assert "Contact veranderd?" not in html


def test_a_sheet_with_a_contact_shows_it_and_no_form(client):
    practice = PracticeFactory(slug="met-contact")
    PracticeLocationFactory(practice=practice, contact_email="info@gemeente.example")
    html = client.get("/praktijken/met-contact/").content.decode()
    assert "mailto:info@gemeente.example" in html
    assert "/vraag/" not in html


def test_the_question_reaches_the_editors_and_a_copy_the_asker(
    client, without_contact, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/praktijken/buurtfeest/vraag/", QUESTION)
    assert response.status_code == 302
    assert response["Location"] == "/praktijken/buurtfeest/vraag/verstuurd/"
    assert "Je vraag is verstuurd" in client.get(response["Location"]).content.decode()
    to_editors, copy = mailoutbox
    assert to_editors.to == [settings.EDITORS_EMAIL]
    assert to_editors.reply_to == ["jo@gemeente.example"]
    assert "Buurtfeest" in to_editors.subject
    assert QUESTION["message"] in to_editors.body and "Jo Janssens" in to_editors.body
    assert copy.to == ["jo@gemeente.example"] and QUESTION["message"] in copy.body
    # Sent: the databank keeps no name, address or question.
    enquiry = Enquiry.objects.get()
    assert (enquiry.name, enquiry.email, enquiry.message) == ("", "", "")
    assert enquiry.sent_at is not None


def test_bad_input_is_named_next_to_the_field_and_kept(client, without_contact, mailoutbox):
    response = client.post(
        "/praktijken/buurtfeest/vraag/",
        {**QUESTION, "email": "geen-adres", "name": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<title>Fout:" in html
    assert "Vul een geldig e-mailadres in" in html and "Vul ‘Je naam’ in." in html
    assert QUESTION["message"] in html and "geen-adres" in html
    assert not Enquiry.objects.exists() and not mailoutbox


def test_a_robot_gets_the_same_thanks_and_sends_nothing(
    client, without_contact, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/praktijken/buurtfeest/vraag/", {**QUESTION, "website": "http://spam"}
        )
    assert response.status_code == 302
    assert not mailoutbox and not Enquiry.objects.exists()


def test_too_many_questions_from_one_address(
    client, without_contact, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(RATE_LIMIT):
            client.post("/praktijken/buurtfeest/vraag/", QUESTION)
    response = client.post("/praktijken/buurtfeest/vraag/", QUESTION)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er kwamen vandaag al veel vragen van dit internetadres" in html
    assert QUESTION["message"] in html  # nothing typed is lost
    assert len(mailoutbox) == 2 * RATE_LIMIT


def test_drafts_and_unknown_sheets_take_no_questions(client):
    PracticeFactory(slug="concept", draft=True)
    assert client.get("/praktijken/concept/vraag/").status_code == 404
    assert client.post("/praktijken/bestaat-niet/vraag/", QUESTION).status_code == 404


def test_the_privacy_page_says_how_long(client):
    html = client.get("/privacy/").content.decode()
    assert 'id="vragen"' in html and "wist de databank je naam, adres en vraag" in html


def test_no_seeded_sheet_shows_an_empty_contact_block(client):
    from django.core.management import call_command

    from practices.models import Practice

    call_command("seed", verbosity=0)
    offered = 0
    for slug in Practice.objects.values_list("slug", flat=True):
        html = client.get(f"/praktijken/{slug}/").content.decode()
        box = html[
            html.index('id="p-contact"') : html.index("</section>", html.index('id="p-contact"'))
        ]
        assert "<li>" in box or "Stel je vraag via de redactie" in box, slug
        offered += "Stel je vraag via de redactie" in box
    assert 0 < offered < Practice.objects.count()
