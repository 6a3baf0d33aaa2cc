"""Alerts cannot be used against someone's mailbox: the hourly limit counts the mailbox, the
mails quote the search without links (and never in the subject), and a search too long to
follow gets a Dutch message."""

import pytest

from alerts import services
from alerts.models import Subscription
from tests.test_alerts import cohesion, site_url, subscribe  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def test_a_search_too_long_to_follow_gets_a_dutch_message_not_an_error(client, cohesion):
    from tests.factories import PracticeFactory

    practice = PracticeFactory()
    names = [f"trefwoord {n} " + "heel lang " * 8 for n in range(20)]  # taggit: 100 at most
    practice.tags.add(*names)
    slugs = practice.tags.values_list("slug", flat=True)
    url = "/meldingen/?q=" + "buurt " * 30 + "&" + "&".join(f"tag={slug}" for slug in slugs)
    form = {"email": "els@gemeente.be", "frequency": "week", "privacy": "on"}
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Deze zoekopdracht is te lang om te volgen." in response.content.decode()
    assert not Subscription.objects.exists()


def test_the_mailbox_limit_counts_tags_case_and_gmails_dots(subscribe, cohesion, mailoutbox):
    from alerts.models import mailbox_key

    assert mailbox_key("V.I.C.T.I.M+3@GoogleMail.com") == "victim@gmail.com"
    assert mailbox_key("jan.peeters+x@gent.be") == "jan.peeters@gent.be"  # dots count here
    for n in range(10):
        address = f"victim+{n}@gmail.com" if n % 2 else f"vic.tim+{n}@Gmail.com"
        subscribe(cohesion, email=address)
    assert len(mailoutbox) == services.EMAIL_LIMIT


def test_mails_quote_the_search_without_links_and_keep_it_out_of_the_subject(
    client, cohesion, mailoutbox, django_capture_on_commit_callbacks
):
    words = (
        "Uw account wordt vandaag afgesloten. Bel 0470 https://evil.example/login of evil.example"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/meldingen/?q={words}", {"email": "els@gemeente.be", "frequency": "wekelijks"}
        )
    (mail,) = mailoutbox
    assert "evil" not in mail.body and "evil" not in mail.subject
    assert "«zoekterm ‘Uw account wordt vandaag afgesloten. Bel 0470 [adres weggelaten]" in (
        mail.body
    )
    assert "Uw account" not in mail.subject
