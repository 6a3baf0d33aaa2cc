"""/inzending/<token>/: the submitter's private status page."""

import pytest

from tests.factories import PracticeFactory
from tests.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def test_just_sent_thanks_once_with_the_reference_and_the_address_to_keep(anonymous, settings):
    settings.SITE_URL = "https://databank.example"
    submission = SubmissionFactory()
    session = anonymous.session
    session["net_verzonden"] = submission.token
    session.save()
    response = anonymous.get(submission.get_absolute_url())
    html = response.content.decode()
    assert "Bedankt, je inzending is verzonden" in html and submission.reference in html
    # The site's own address, whatever Host the request named.
    assert f'readonly value="https://databank.example{submission.get_absolute_url()}"' in html
    assert "Bewaar dit adres:" in html and 'data-copy="status-adres"' in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex"
    # Once: a reload, a bookmark or a forwarded link shows the plain status page.
    assert "Bedankt" not in anonymous.get(submission.get_absolute_url()).content.decode()
    assert (
        "Bedankt"
        not in anonymous.get(submission.get_absolute_url() + "?verzonden=1").content.decode()
    )


def test_the_status_page_shows_a_copy_of_what_was_sent(anonymous):
    from tests.submission_factories import SubmittedPlaceFactory

    submission = SubmissionFactory(title="Taalcafé Halle", goals=["Nederlands oefenen"])
    SubmittedPlaceFactory(submission=submission, municipality_name="Halle")
    html = anonymous.get(submission.get_absolute_url()).content.decode()
    copy = html[html.index('id="kopie"') :]
    assert "Taalcafé Halle" in copy and "Nederlands oefenen" in copy and "Halle" in copy
    assert submission.submitter_email in copy
    assert "zonder de gegevens die een camera" not in copy  # no photo sent


def test_a_suggestion_s_copy_names_the_part(anonymous):
    submission = SubmissionFactory(
        kind="change", practice=PracticeFactory(), part="summary", message="Nieuwe samenvatting."
    )
    copy = anonymous.get(submission.get_absolute_url()).content.decode()
    assert "<dt>Over</dt><dd>Samenvatting</dd>" in copy and "Nieuwe samenvatting." in copy


@pytest.mark.parametrize(
    ("status", "shown"),
    [("new", "Ontvangen"), ("in_review", "In behandeling"), ("spam", "Ontvangen")],
)
def test_the_state_is_shown(anonymous, status, shown):
    submission = SubmissionFactory(status=status)
    assert (
        f"<strong>{shown}</strong>" in anonymous.get(submission.get_absolute_url()).content.decode()
    )


def test_declined_shows_the_editors_reason(anonymous):
    submission = SubmissionFactory(status="declined", decline_reason="Geen lokaal bestuur.")
    html = anonymous.get(submission.get_absolute_url()).content.decode()
    assert "Afgewezen" in html and "Geen lokaal bestuur." in html


def test_published_links_to_the_sheet_and_a_draft_does_not(anonymous):
    draft = PracticeFactory(draft=True, title="Nog in de maak")
    submission = SubmissionFactory(status="accepted", practice=draft)
    html = anonymous.get(submission.get_absolute_url()).content.decode()
    assert "werkt de fiche af" in html and draft.get_absolute_url() not in html
    draft.status, draft.published_at = "published", "2026-11-21T10:00Z"
    draft.save()
    html = anonymous.get(submission.get_absolute_url()).content.decode()
    assert f'href="{draft.get_absolute_url()}"' in html


def test_a_wrong_token_is_not_found(anonymous):
    SubmissionFactory()
    assert anonymous.get("/inzending/geraden-token/").status_code == 404
