"""The owners' "Klopt dit nog?": from `manage.py ask_owners` through the mail and its signed
link to the sheet's review date, its revision and the editors' queue."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import reversion
from django.core import signing
from django.utils import timezone
from reversion.models import Version

from owners import services
from owners.models import Owner, Question
from practices.models import Practice
from submissions.dashboard import dashboard_items
from submissions.models import Submission
from tests.factories import PracticeFactory, PracticeLocationFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/klopt-dit-nog/[^/\s]+/")


@pytest.fixture
def due(db):
    """A published sheet never reviewed, whose place gives a contact address."""
    practice = PracticeFactory(title="Buurtmoestuin")
    with reversion.create_revision():
        reversion.add_to_revision(practice)
    PracticeLocationFactory(
        practice=practice, contact_name="An Peeters", contact_email="an@gemeente.example"
    )
    PracticeLocationFactory(practice=practice, contact_email="tweede@gemeente.example", position=1)
    return practice


def ask(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return services.ask_owners(**kwargs)


def answer_link(mail):
    """The path of the mail's answer link (the first; the second stops the mails)."""
    return urlsplit(LINK.findall(mail.body)[0]).path


def test_the_owner_is_asked_with_a_signed_link(due, mailoutbox, django_capture_on_commit_callbacks):
    run = ask(django_capture_on_commit_callbacks)
    assert (run.asked, run.reminded) == (1, 0)
    owner = Owner.objects.get(practice=due)
    # By default: the first place contact with an address.
    assert (owner.name, owner.email) == ("An Peeters", "an@gemeente.example")
    (mail,) = mailoutbox
    assert mail.to == ["an@gemeente.example"]
    assert "Buurtmoestuin" in mail.subject and "Klopt dit nog?" in mail.subject
    assert "Dag An Peeters" in mail.body and "/praktijken/" in mail.body
    assert "Zo vaak werd de fiche bekeken:" in mail.body  # views per month (insights)
    assert "geen-vragen-meer" in mail.extra_headers["List-Unsubscribe"]
    # Asked once: the next day's run leaves it.
    assert ask(django_capture_on_commit_callbacks).asked == 0
    assert len(mailoutbox) == 1


def test_klopt_nog_reviews_the_sheet_with_a_revision(
    client, due, mailoutbox, django_capture_on_commit_callbacks
):
    ask(django_capture_on_commit_callbacks)
    link = answer_link(mailoutbox[0])
    page = client.get(link)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Buurtmoestuin" in html and "Klopt nog" in html and "Loopt niet meer" in html
    assert page["X-Robots-Tag"] == "noindex" and "no-store" in page["Cache-Control"]
    response = client.post(link + "klopt/")
    assert response.status_code == 302
    due.refresh_from_db()
    assert due.last_reviewed_on == timezone.localdate()
    assert not due.review_overdue
    revision = Version.objects.get_for_object(due).first().revision
    assert "Bevestigd door de eigenaar" in revision.comment
    question = Question.objects.get()
    assert question.answer == Question.Answer.STILL_RIGHT
    # The sheet's notice is gone.
    sheet = client.get(due.get_absolute_url()).content.decode()
    assert "nog niet nagekeken" not in sheet
    # A second click changes nothing and says it is done.
    client.post(link + "klopt/")
    assert "Bedankt, je antwoord is binnen" in client.get(link).content.decode()


def test_er_is_iets_veranderd_goes_to_the_queue_from_the_owner(
    client, due, mailoutbox, django_capture_on_commit_callbacks
):
    ask(django_capture_on_commit_callbacks)
    link = answer_link(mailoutbox[0])
    form = client.get(link + "veranderd/").content.decode()
    assert "Een korte samenvatting van de praktijk." in form  # filled in with the sheet
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            link + "veranderd/",
            {
                "title": "Buurtmoestuin",
                "summary": "Een nieuwe samenvatting.",
                "description": "Een langere beschrijving.",
                "message": "Nieuwe contactpersoon: Jo.",
            },
        )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.from_owner and submission.kind == Submission.Kind.CHANGE
    assert submission.practice == due and submission.summary == "Een nieuwe samenvatting."
    assert submission.submitter_email == "an@gemeente.example"
    assert Question.objects.get().submission == submission
    due.refresh_from_db()
    assert due.last_reviewed_on is None  # the editors decide


def test_a_change_with_an_empty_title_keeps_what_was_typed(
    client, due, mailoutbox, django_capture_on_commit_callbacks
):
    ask(django_capture_on_commit_callbacks)
    link = answer_link(mailoutbox[0])
    response = client.post(
        link + "veranderd/", {"title": "", "summary": "Mijn nieuwe tekst", "message": "x"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fout:" in html and "Vul dit in; het staat op de fiche." in html
    assert "Mijn nieuwe tekst" in html
    assert not Submission.objects.exists()


def test_loopt_niet_meer_sends_the_year_and_lessons(
    client, due, mailoutbox, django_capture_on_commit_callbacks
):
    ask(django_capture_on_commit_callbacks)
    link = answer_link(mailoutbox[0])
    bad = client.post(link + "loopt-niet-meer/", {"year": "3000", "lessons": "Vroeger starten"})
    assert "Vul een jaar in tussen 1900 en" in bad.content.decode()
    assert "Vroeger starten" in bad.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            link + "loopt-niet-meer/",
            {
                "how": "gestopt",
                "year": "2025",
                "reason": "Geen subsidie meer",
                "lessons": "Vroeger starten",
            },
        )
    submission = Submission.objects.get()
    assert submission.from_owner
    assert "stopgezet in 2025" in submission.message and "Vroeger starten" in submission.message
    assert (submission.life_status, submission.ended_year) == ("gestopt", 2025)
    assert (submission.end_reason, submission.lessons) == ("Geen subsidie meer", "Vroeger starten")
    assert Question.objects.get().answer == Question.Answer.ENDED


def test_an_altered_or_expired_link_opens_nothing(
    client, due, mailoutbox, settings, django_capture_on_commit_callbacks
):
    ask(django_capture_on_commit_callbacks)
    link = answer_link(mailoutbox[0])
    altered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    assert client.get(altered).status_code == 404
    assert client.post(altered + "klopt/").status_code == 404
    forged = signing.dumps(Question.objects.get().pk, salt="another-salt")
    assert client.get(f"/klopt-dit-nog/{forged}/").status_code == 404
    settings.OWNER_LINK_DAYS = 0
    expired = client.get(link)
    assert expired.status_code == 410
    assert "Deze link werkt niet meer" in expired.content.decode()
    assert client.post(link + "klopt/").status_code == 410
    due.refresh_from_db()
    assert due.last_reviewed_on is None


def test_one_reminder_after_two_weeks_then_not_answering(
    due, mailoutbox, django_capture_on_commit_callbacks
):
    now = timezone.now()
    ask(django_capture_on_commit_callbacks, now=now)
    soon = now + datetime.timedelta(days=13)
    assert ask(django_capture_on_commit_callbacks, now=soon).reminded == 0
    later = now + datetime.timedelta(days=15)
    assert ask(django_capture_on_commit_callbacks, now=later).reminded == 1
    assert "Herinnering" in mailoutbox[-1].subject
    assert ask(django_capture_on_commit_callbacks, now=later).reminded == 0  # once
    assert len(mailoutbox) == 2
    assert Question.objects.not_answering(now + datetime.timedelta(days=29)).count() == 0
    assert Question.objects.not_answering(now + datetime.timedelta(days=31)).count() == 1


def test_the_dashboard_counts_owners_to_ask_and_owners_not_answering(
    due, django_capture_on_commit_callbacks
):
    services.default_owners(Practice.objects.all())
    counts = {item.label: item.count for item in dashboard_items()}
    assert counts["Eigenaars om te vragen ‘Klopt dit nog?’"] == 1
    assert counts["Fiches waarvan de eigenaar niet antwoordt"] == 0
    ask(django_capture_on_commit_callbacks, now=timezone.now() - datetime.timedelta(days=40))
    counts = {item.label: item.count for item in dashboard_items()}
    assert counts["Eigenaars om te vragen ‘Klopt dit nog?’"] == 0
    assert counts["Fiches waarvan de eigenaar niet antwoordt"] == 1


def test_the_owner_can_stop_the_mails_with_one_click(
    client, due, mailoutbox, django_capture_on_commit_callbacks
):
    ask(django_capture_on_commit_callbacks)
    link = answer_link(mailoutbox[0])
    assert "Stop deze mails" in client.get(link + "geen-vragen-meer/").content.decode()
    # RFC 8058: a mail program posts without a CSRF token.
    client.handler.enforce_csrf_checks = True
    assert client.post(link + "geen-vragen-meer/").status_code == 200
    assert Owner.objects.get().opted_out_at is not None
    later = timezone.now() + datetime.timedelta(days=400)
    run = ask(django_capture_on_commit_callbacks, now=later)
    assert (run.asked, run.reminded) == (0, 0) and len(mailoutbox) == 1


def test_mails_are_limited_per_run_and_per_address(
    due, mailoutbox, settings, django_capture_on_commit_callbacks
):
    for n in range(3):
        other = PracticeFactory(title=f"Andere {n}")
        PracticeLocationFactory(practice=other, contact_email=f"eigenaar{n}@example.org")
    same = PracticeFactory(title="Ook van An")
    PracticeLocationFactory(practice=same, contact_email="an@gemeente.example")
    settings.OWNER_MAILS_PER_RUN = 3
    run = ask(django_capture_on_commit_callbacks)
    assert run.asked == 3 and run.waiting == 2
    assert len({mail.to[0] for mail in mailoutbox}) == 3


def test_the_token_stays_out_of_the_logs(due, mailoutbox, django_capture_on_commit_callbacks):
    from config.redaction import redact

    ask(django_capture_on_commit_callbacks)
    link = answer_link(mailoutbox[0])
    assert redact(f"GET {link}klopt/ HTTP/1.1") == "GET /klopt-dit-nog/…/klopt/ HTTP/1.1"


def test_editors_choose_an_owner_among_the_sheets_contacts(editor, due):
    url = "/beheer/owners/owner/add/"
    response = editor.post(url, {"practice": due.pk, "name": "X", "email": "x@elders.example"})
    assert "Kies een contactadres dat op de fiche staat" in response.content.decode()
    response = editor.post(
        url, {"practice": due.pk, "name": "Tweede", "email": "tweede@gemeente.example"}
    )
    assert response.status_code == 302
    assert Owner.objects.get(practice=due).email == "tweede@gemeente.example"


def test_the_privacy_page_says_what_is_kept(client):
    html = client.get("/privacy/").content.decode()
    assert "Klopt dit nog?" in html and "verloopt na 45 dagen" in html
