"""The editors' dashboard on the admin index and the weekly digest mail."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from evidence.services import record_assessment
from practices.models import Practice
from tests.factories import PracticeFactory
from tests.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db
INDEX = reverse("admin:index")


@pytest.fixture
def work(editor_user):
    SubmissionFactory.create_batch(2)
    SubmissionFactory(status="in_review", assigned_to=editor_user)
    SubmissionFactory(status="new", assigned_to=editor_user)
    SubmissionFactory(status="accepted", assigned_to=editor_user)
    PracticeFactory(draft=True)
    PracticeFactory(review_due_on=datetime.date(2020, 1, 1))
    PracticeFactory(review_due_on=datetime.date(2099, 1, 1))
    Practice.objects.filter(review_due_on=datetime.date(2099, 1, 1)).update(
        updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    today = timezone.localdate()
    # Assessments (evidence/): one expiring within 90 days, its practice's older and expired
    # one (which no longer counts), and one expired.
    due = datetime.date(2099, 1, 1)
    renewed, expired = PracticeFactory(review_due_on=due), PracticeFactory(review_due_on=due)
    for practice, assessed, valid in [
        (renewed, datetime.date(2015, 1, 1), datetime.date(2020, 1, 1)),
        (renewed, datetime.date(2022, 1, 1), today + datetime.timedelta(days=30)),
        (expired, datetime.date(2019, 1, 1), datetime.date(2024, 1, 1)),
    ]:
        record_assessment(
            practice=practice, level="lokaal-geevalueerd", assessed_on=assessed, valid_until=valid
        )


def counts(html):
    import re

    return {
        label.strip(): int(count)
        for count, label in re.findall(
            r'<strong class="dashboard__count">(\d+)</strong>([^<]+)</a>', html
        )
    }


def test_the_dashboard_counts_what_waits_and_links_to_it(editor, work):
    html = editor.get(INDEX).content.decode()
    # Each count with its words in the right number: '1 concept dat wacht…', '3 nieuwe…'.
    assert counts(html) == {
        "nieuwe inzendingen": 3,
        "aan mij toegewezen en nog open": 2,
        "inzending in behandeling": 1,
        "gepubliceerde fiche om na te kijken": 1,
        "concept dat wacht op publicatie": 1,
        "fiches gewijzigd in de laatste 7 dagen": 4,
        # The owners' counts (owners/), registered by that app: no owner here.
        "eigenaars om te vragen ‘Klopt dit nog?’": 0,
        "fiches waarvan de eigenaar niet antwoordt": 0,
        # What visitors look for and do not find (insights/), registered by that app.
        "zoekopdrachten zonder resultaat (30 dagen)": 0,
        # Towns that say 'Wij doen dit ook' (adoptions/).
        "meldingen ‘Wij doen dit ook’ om na te kijken": 0,
        # Assessments to renew (evidence/): each practice's latest only.
        "beoordeling die binnen 90 dagen afloopt": 1,
        "verlopen beoordeling": 1,
    }
    assert "?status__exact=new" in html and "?status__exact=draft" in html
    assert "nakijken=te-laat" in html and "gewijzigd=week" in html


def test_each_link_shows_the_rows_it_counted(editor, work, editor_user):
    import re

    html = editor.get(INDEX).content.decode()
    links = {
        label.strip(): url.replace("&amp;", "&")
        for url, label in re.findall(
            r'<a href="([^"]+)"><strong class="dashboard__count">\d+</strong>([^<]+)</a>', html
        )
    }
    mine = editor.get(links["aan mij toegewezen en nog open"])
    assert mine.context["cl"].result_count == 2
    drafts = editor.get(links["concept dat wacht op publicatie"])
    assert drafts.context["cl"].result_count == 1
    due = editor.get(links["gepubliceerde fiche om na te kijken"])
    assert due.context["cl"].result_count == 1
    recent = editor.get(links["fiches gewijzigd in de laatste 7 dagen"])
    assert recent.context["cl"].result_count == 4
    expiring = editor.get(links["beoordeling die binnen 90 dagen afloopt"])
    assert [str(a.valid_until) for a in expiring.context["cl"].result_list] == [
        str(timezone.localdate() + datetime.timedelta(days=30))
    ]
    expired = editor.get(links["verlopen beoordeling"])
    assert [str(a.valid_until) for a in expired.context["cl"].result_list] == ["2024-01-01"]


def test_the_dashboard_query_count_is_fixed(editor, work, django_assert_max_num_queries):
    SubmissionFactory.create_batch(20)
    PracticeFactory.create_batch(20, draft=True)
    # session, user, permissions, the twelve counts, the app list's permissions
    with django_assert_max_num_queries(17):
        assert editor.get(INDEX).status_code == 200


def test_the_weekly_digest_mails_the_editors_the_same_counts(work, mailoutbox, settings):
    settings.SITE_URL = "https://databank.example"
    call_command("send_editors_digest")
    (mail,) = mailoutbox
    assert mail.to == [settings.EDITORS_EMAIL]
    assert mail.subject == "Weekoverzicht van de Databank Sociale Samenhang"
    assert "Nieuwe inzendingen: 3" in mail.body
    assert "Concepten die wachten op publicatie: 1" in mail.body
    assert "https://databank.example/beheer/submissions/submission/?status__exact=new" in mail.body
    assert "Aan mij toegewezen" not in mail.body  # a team mail has no 'me'
