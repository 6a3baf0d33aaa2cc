"""/fiche-indienen/: a local government sends its practice."""

import pytest
from django.urls import reverse

from practices.models import Municipality
from submissions.models import Submission
from tests import uploads
from tests.factories import ActionFactory, MunicipalityFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db
URL = reverse("submissions:submit_practice")


def management(prefix, total):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def valid_data(**overrides):
    data = {
        "title": "Buurtmoestuin De Linde",
        "summary": "Bewoners beheren samen een moestuin.",
        "description": "Elke zaterdag werken buren samen in de tuin.",
        "goals": "• Ontmoeting\n• Groen in de wijk",
        "success_factors": "Vaste tuindag",
        "challenges": "",
        "submitter_name": "An Peeters",
        "submitter_organisation": "Stad Lokeren",
        "submitter_email": "an@lokeren.example",
        "submitter_phone": "+32 9 123 45 67",
        "privacy": "on",
        "website": "",
        **management("gemeenten", 3),
        **management("links", 2),
        "gemeenten-0-municipality_name": "Lokeren",
        "gemeenten-0-description": "In het Lindepark.",
        "gemeenten-0-contact_email": "groen@lokeren.example",
        "links-0-title": "Projectpagina",
        "links-0-url": "https://www.lokeren.example/moestuin",
    }
    data.update(overrides)
    return data


def test_the_form_offers_taxonomies_municipalities_and_the_privacy_notice(anonymous):
    TargetGroupFactory(name="Alle buurtbewoners")
    ActionFactory(number=22, title="Pleinmakers aanbieden")
    MunicipalityFactory(name="Sint-Niklaas")
    html = anonymous.get(URL).content.decode()
    assert "Vul deze fiche in" in html
    assert "Alle buurtbewoners" in html and "Actie 22" in html
    assert '<option value="Sint-Niklaas">' in html  # the datalist for typing a municipality
    assert "Hoe lang." in html and "12 maanden" in html


def test_a_valid_sheet_is_stored_and_both_mails_go_out(
    anonymous, mailoutbox, django_capture_on_commit_callbacks
):
    youth = TargetGroupFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous.post(URL, valid_data(target_groups=[youth.pk]))

    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == submission.get_absolute_url()  # nothing to bookmark
    assert submission.status == "new" and submission.kind == "new"
    assert submission.goals == ["Ontmoeting", "Groen in de wijk"]
    assert list(submission.target_groups.all()) == [youth]
    assert [p.municipality_name for p in submission.places.all()] == ["Lokeren"]
    assert [link.url for link in submission.links.all()] == ["https://www.lokeren.example/moestuin"]
    assert submission.reference.startswith("DSS-") and len(submission.token) >= 32
    assert submission.address_hash and "127.0.0.1" not in submission.address_hash
    assert [m.to for m in mailoutbox] == [["an@lokeren.example"], ["samenleven@vvsg.be"]]
    assert submission.get_absolute_url() in mailoutbox[0].body
    assert submission.log.get().to_status == "new"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"title": ""}, "title", "Vul ‘Naam van de praktijk’ in."),
        ({"submitter_email": "an-at-lokeren"}, "submitter_email", "Vul een geldig e-mailadres in"),
        ({"privacy": ""}, "privacy", "Vink aan dat je de privacyverklaring gelezen hebt."),
        ({"submitter_phone": "bel me"}, "submitter_phone", "Een telefoonnummer bestaat uit"),
        ({"summary": "x" * 301}, "summary", "niet meer dan 300 tekens"),
        ({"links-0-url": "geen webadres"}, None, "Vul een volledig webadres in"),
        ({"gemeenten-0-contact_email": "fout"}, None, "Vul een geldig e-mailadres in."),
        ({"gemeenten-0-municipality_name": ""}, None, "In welke gemeente? Vul de naam in."),
        ({"goals": "\n".join(f"doel {n}" for n in range(31))}, "goals", "hoogstens 30 punten"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_keeps_what_was_typed(anonymous, change, field, message):
    response = anonymous.post(URL, valid_data(**change))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Nog niet verzonden" in html
    assert "Buurtmoestuin De Linde" in html or change.get("title") == ""
    assert "Lindepark" in html  # the places typed so far are still there
    assert not Submission.objects.exists()
    if field:
        assert f'aria-describedby="id_{field}_error' in html or f"id_{field}_error" in html


def test_a_sheet_without_any_municipality_is_refused(anonymous):
    response = anonymous.post(
        URL,
        valid_data(
            **{
                "gemeenten-0-municipality_name": "",
                "gemeenten-0-description": "",
                "gemeenten-0-contact_email": "",
            }
        ),
    )
    assert "Vul minstens één gemeente in" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_photo_is_checked_by_its_content_and_reencoded_under_a_random_name(anonymous):
    response = anonymous.post(
        URL, valid_data(photo=uploads.photo("mijn vakantie.jpg"), photo_alt="De tuin")
    )
    assert response.status_code == 302
    stored = Submission.objects.get().photo
    assert stored.name.startswith("inzendingen/") and "vakantie" not in stored.name
    assert stored.name.endswith(".jpg")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (uploads.fake_photo, "geen foto die we kunnen lezen"),
        (lambda: uploads.photo("anim.gif", "GIF"), "Alleen JPEG, PNG of WebP"),
        (uploads.huge_photo, "De foto is te groot"),
    ],
)
def test_a_photo_that_is_not_one_is_refused_and_must_be_chosen_again(anonymous, upload, message):
    response = anonymous.post(URL, valid_data(photo=upload(), photo_alt="x"))
    html = response.content.decode()
    assert message in html
    assert "Kies je foto opnieuw" in html
    assert not Submission.objects.exists()


def test_a_photo_needs_a_description(anonymous):
    response = anonymous.post(URL, valid_data(photo=uploads.photo()))
    assert "Beschrijf kort wat de foto toont." in response.content.decode()


def test_the_honeypot_stores_robots_as_spam_without_mail(
    anonymous, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous.post(URL, valid_data(website="http://spam.example"))
    assert response.status_code == 302
    assert Submission.objects.get().status == "spam"
    assert mailoutbox == []


def test_more_than_five_an_hour_from_one_address_is_refused_kindly(anonymous):
    for _ in range(5):
        assert anonymous.post(URL, valid_data()).status_code == 302
    response = anonymous.post(URL, valid_data(title="De zesde"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Probeer het over een uur opnieuw" in html
    assert "De zesde" in html
    assert Submission.objects.count() == 5
    other = anonymous.post(URL, valid_data(), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def test_text_from_a_submission_is_never_html(anonymous):
    anonymous.post(URL, valid_data(title="<script>alert(1)</script>"))
    submission = Submission.objects.get()
    html = anonymous.get(submission.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_the_form_needs_a_csrf_token(anonymous):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    municipalities = Municipality.objects.count()
    assert strict.post(URL, valid_data()).status_code == 403
    assert not Submission.objects.exists()
    assert Municipality.objects.count() == municipalities


@pytest.mark.parametrize("value", ["9" * 40, "-3", "abc", "1.5", "٣"])
def test_an_impossible_choice_is_an_error_on_the_field_not_a_server_error(anonymous, value):
    response = anonymous.post(URL, valid_data(policy_domains=[value], category=value))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies alleen uit de mogelijkheden in de lijst." in html
    assert "Kies een van de mogelijkheden in de lijst." in html


def test_the_error_summary_follows_the_form_takes_focus_and_reads_cleanly(anonymous):
    data = valid_data(
        title="",
        **{"gemeenten-0-contact_email": "geen-adres", "links-0-url": "geen url"},
        submitter_email="",
    )
    del data["privacy"]
    html = anonymous.post(URL, data).content.decode()
    summary = html[html.index('id="fouten"') : html.index("</div>", html.index('id="fouten"'))]
    assert 'id="fouten" autofocus' in summary
    order = [anchor.split('"')[0] for anchor in summary.split('href="#')[1:]]
    assert order == [
        "id_title",
        "id_gemeenten-0-contact_email",
        "id_links-0-url",
        "id_submitter_email",
        "id_privacy",
    ]
    assert ".:" not in summary and "..:" not in summary
    assert ">Gemeente 1: Vul een geldig e-mailadres in.</a>" in summary
    assert ">Vink aan dat je de privacyverklaring gelezen hebt.</a>" in summary


def test_optional_fields_say_so_and_the_privacy_box_points_up(anonymous):
    html = anonymous.get(URL).content.decode()
    assert "Doelen (niet verplicht)" in html and "Telefoon (niet verplicht)" in html
    assert "Foto (niet verplicht)" in html and "Nuttige links (niet verplicht)" in html
    assert "Naam van de praktijk:" in html  # required: no mark
    assert "Naam van de praktijk (niet verplicht)" not in html
    assert "privacyverklaring hierboven gelezen" in html
    assert html.index('id="privacy"') < html.index('name="privacy"')  # the notice is above


@pytest.mark.parametrize(("prefix", "legend"), [("gemeenten", "Gemeente 4"), ("links", "Link 3")])
def test_without_script_another_row_comes_back_with_everything_typed(anonymous, prefix, legend):
    data = valid_data(meer=prefix)
    response = anonymous.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<legend>{legend}</legend>" in html
    assert 'value="Buurtmoestuin De Linde"' in html and "In het Lindepark." in html
    assert "Nog niet verzonden" not in html  # nothing judged yet
    assert "Er is een lege rij bijgekomen" in html
    assert not Submission.objects.exists()
    # Then sent as usual, with the new row filled in.
    total = 4 if prefix == "gemeenten" else 3
    sent = valid_data(**management(prefix, total))
    if prefix == "gemeenten":
        MunicipalityFactory(name="Aalst")
        sent["gemeenten-3-municipality_name"] = "Aalst"
    else:
        sent |= {"links-2-title": "Verslag", "links-2-url": "https://www.lokeren.example/v"}
    assert anonymous.post(URL, sent).status_code == 302
    submission = Submission.objects.get()
    assert (submission.places.count(), submission.links.count()) == (
        (2, 1) if prefix == "gemeenten" else (1, 2)
    )


def test_a_row_request_with_odd_numbers_never_fails(anonymous):
    for total in ["x", "-5", "99999999999999999999", ""]:
        data = valid_data(meer="gemeenten", **{"gemeenten-TOTAL_FORMS": total})
        assert anonymous.post(URL, data).status_code == 200
    data = valid_data(meer="iets-anders")
    assert anonymous.post(URL, data).status_code == 302  # not a row: sent as usual
