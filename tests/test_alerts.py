"""E-mail alerts, the whole cycle: subscribe on a search, confirm (double opt-in), a digest
with only the new matches, change, unsubscribe (also RFC 8058's one-click POST), expiry."""

import email.policy
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts import services
from alerts.models import Subscription
from practices.models import Practice
from tests.factories import CategoryFactory, PracticeFactory

pytestmark = pytest.mark.django_db

SEARCH = "/meldingen/?categorie={slug}&sorteer=nieuw"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://databank.example"


@pytest.fixture
def cohesion():
    return CategoryFactory(name="Sociale cohesie", slug="sociale-cohesie")


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    """Post the form on a category's search, and send the mails it queues."""

    def post(category, email="Els@Gemeente.be", frequency="wekelijks", **extra):
        data = {"email": email, "frequency": frequency, "website": "", **extra}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(SEARCH.format(slug=category.slug), data)

    return post


def link_in(mail, path):
    found = re.search(rf"https://databank\.example({path}[^\s]*)", mail.body)
    assert found, mail.body
    return found.group(1)


def run(days, hours=0):
    """The daily run, this long from now."""
    return services.run_alerts(now=timezone.now() + timedelta(days=days, hours=hours))


def later(days, hours=1):
    return timezone.now() + timedelta(days=days, hours=hours)


def age(subscription, **delta):
    """Move the request back, as if that much time had passed since."""
    past = timezone.now() - timedelta(**delta)
    Subscription.objects.filter(pk=subscription.pk).update(requested_at=past, created_at=past)


def test_the_search_page_offers_to_follow_the_search(client, cohesion):
    PracticeFactory(category=cohesion)
    page = client.get("/praktijken/?categorie=sociale-cohesie&q=buurt").content.decode()
    assert 'href="/meldingen/?q=buurt&amp;categorie=sociale-cohesie"' in page
    assert "Houd me op de hoogte" in page


def test_the_form_names_the_search_and_what_it_finds_today(client, cohesion):
    PracticeFactory.create_batch(2, category=cohesion)
    page = client.get(SEARCH.format(slug=cohesion.slug)).content.decode()
    assert "Categorie: Sociale cohesie" in page
    assert "2 praktijken" in page
    assert 'href="/praktijken/?categorie=sociale-cohesie"' in page  # order and page dropped


def test_subscribing_mails_a_confirmation_link_and_sends_nothing_before_it_is_used(
    subscribe, client, cohesion, mailoutbox
):
    response = subscribe(cohesion)
    assert response.status_code == 200
    assert "Bevestig je inschrijving in je mailbox" in response.content.decode()
    assert "els@gemeente.be" in response.content.decode()
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )
    subscription = Subscription.objects.get()
    assert subscription.email == "els@gemeente.be"
    assert subscription.search == "categorie=sociale-cohesie"
    assert subscription.description == "Categorie: Sociale cohesie"
    assert not subscription.is_confirmed

    (mail,) = mailoutbox
    assert mail.to == ["els@gemeente.be"]
    assert link_in(mail, "/meldingen/") == subscription.confirm_url()
    assert mail.extra_headers["List-Unsubscribe"] == (
        f"<https://databank.example{subscription.unsubscribe_url()}>"
    )

    PracticeFactory(category=cohesion)
    call_command("send_alerts")
    assert len(mailoutbox) == 1  # not confirmed: no digest


def test_the_whole_cycle(subscribe, client, cohesion, mailoutbox):
    old = PracticeFactory(category=cohesion, title="Al lang bekend")
    subscribe(cohesion)
    confirm = link_in(mailoutbox[0], "/meldingen/")
    # Opening the link (a person, or a mail scanner) confirms nothing; the button does.
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Bevestigen" in page.content.decode()
    assert not Subscription.objects.get().is_confirmed
    page = client.post(confirm)
    assert page.status_code == 200
    assert "Je bent ingeschreven" in page.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.is_confirmed

    # Published after the confirmation: one matches, one is of another category, one a draft.
    new = PracticeFactory(category=cohesion, title="Buurtkeuken in Ronse")
    PracticeFactory(title="Andere categorie")
    PracticeFactory(category=cohesion, title="Nog een ontwerp", draft=True)
    mailoutbox.clear()

    call_command("send_alerts")
    assert mailoutbox == []  # a week has not passed
    run(days=6)
    assert mailoutbox == []

    assert run(days=7).queued == 1
    (digest,) = mailoutbox
    assert digest.to == ["els@gemeente.be"]
    assert digest.subject == (
        "Nieuwe praktijken voor je zoekopdracht in de Databank Sociale Samenhang"
    )
    assert "Buurtkeuken in Ronse" in digest.body
    assert f"https://databank.example{new.get_absolute_url()}" in digest.body
    assert old.title not in digest.body
    assert "Andere categorie" not in digest.body
    assert "Nog een ontwerp" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = link_in(digest, "/meldingen/[^/]+/uitschrijven/")
    assert digest.extra_headers["List-Unsubscribe"] == f"<https://databank.example{unsubscribe}>"
    # On the wire (as the SMTP backend writes it): RFC 2369's raw <URL> on one line, and
    # RFC 8058's post header, not encoded words a mail program cannot read.
    wire = digest.message(policy=email.policy.SMTP).as_bytes().decode()
    assert f"\r\nList-Unsubscribe: <https://databank.example{unsubscribe}>\r\n" in wire
    assert "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in wire

    # The next run has nothing new: no mail, even when due.
    mailoutbox.clear()
    assert run(days=14).queued == 1
    assert mailoutbox == []

    # The link in the mail asks to confirm with one button; the mail program posts directly.
    page = client.get(unsubscribe)
    assert page.status_code == 200
    assert "Uitschrijven" in page.content.decode()
    assert Subscription.objects.exists()  # a link checker that opens the page changes nothing
    response = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Je bent uitgeschreven" in response.content.decode()
    assert not Subscription.objects.exists()
    assert client.post(unsubscribe).status_code == 200  # again: still fine


def test_one_click_unsubscribe_needs_no_csrf_token(cohesion):
    from django.test import Client

    subscription = services.confirm_subscription(
        subscription=Subscription.objects.create(
            email="a@b.be", search="", description="alle praktijken"
        )
    )
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        subscription.unsubscribe_url(),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_a_daily_digest_comes_after_a_day_and_lists_only_what_is_new_since_the_last(
    subscribe, client, cohesion, mailoutbox
):
    subscribe(cohesion, frequency="dagelijks")
    client.post(link_in(mailoutbox[0], "/meldingen/"))
    subscription = Subscription.objects.get()
    PracticeFactory(category=cohesion, title="Eerste nieuwe")
    mailoutbox.clear()
    run(days=1)
    assert "Eerste nieuwe" in mailoutbox[0].body
    assert "1 nieuwe praktijk" in mailoutbox[0].body
    assert subscription.frequency == "dagelijks"

    PracticeFactory(category=cohesion, title="Tweede nieuwe", published_at=later(days=1))
    mailoutbox.clear()
    run(days=1, hours=12)
    assert mailoutbox == []  # not a day since the last
    run(days=2)
    (mail,) = mailoutbox
    assert "Tweede nieuwe" in mail.body
    assert "Eerste nieuwe" not in mail.body


def test_a_republished_practice_is_not_new(subscribe, client, cohesion, mailoutbox):
    practice = PracticeFactory(category=cohesion, title="Even offline")
    subscribe(cohesion, frequency="dagelijks")
    client.post(link_in(mailoutbox[0], "/meldingen/"))
    Practice.objects.filter(pk=practice.pk).unpublish()
    Practice.objects.filter(pk=practice.pk).publish()
    mailoutbox.clear()
    run(days=1)
    assert mailoutbox == []


def test_a_digest_queued_twice_is_sent_once_and_a_failed_one_is_sent_next_time(
    subscribe, client, cohesion, mailoutbox, settings
):
    from alerts.tasks import send_digest

    subscribe(cohesion, frequency="dagelijks")
    client.post(link_in(mailoutbox[0], "/meldingen/"))
    subscription = Subscription.objects.get()
    PracticeFactory(category=cohesion, title="Niet verloren")
    mailoutbox.clear()

    before = subscription.checked_until
    settings.MAILERS = {"default": {"BACKEND": "tests.failing_mail.FailingBackend"}}
    assert run(days=1).queued == 1
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    subscription.refresh_from_db()
    assert subscription.checked_until == before  # the failed period is given back
    since = subscription.checked_until.isoformat()

    until = timezone.now().isoformat()
    send_digest.call(subscription.pk, since, until)
    send_digest.call(subscription.pk, since, until)  # queued twice: the period is taken
    assert len(mailoutbox) == 1
    assert "Niet verloren" in mailoutbox[0].body


def test_unconfirmed_subscriptions_expire(subscribe, client, cohesion, mailoutbox, settings):
    settings.ALERT_CONFIRM_DAYS = 7
    subscribe(cohesion)
    confirm = link_in(mailoutbox[0], "/meldingen/")
    subscription = Subscription.objects.get()
    age(subscription, days=8)
    page = client.get(confirm)
    assert page.status_code == 410
    assert "Deze link is verlopen" in page.content.decode()
    assert not Subscription.objects.exists()

    subscribe(cohesion, email="ander@gemeente.be")
    age(Subscription.objects.get(), days=8)
    kept = services.confirm_subscription(
        subscription=Subscription.objects.create(email="blijft@gemeente.be", description="x")
    )
    age(kept, days=30)
    call_command("send_alerts")
    assert list(Subscription.objects.all()) == [kept]  # a confirmed one never expires


def test_asking_again_never_tells_whether_an_address_is_subscribed(
    subscribe, client, cohesion, mailoutbox
):
    subscribe(cohesion)
    client.post(link_in(mailoutbox[0], "/meldingen/"))
    subscription = Subscription.objects.get()
    Subscription.objects.filter(pk=subscription.pk).update(
        requested_at=timezone.now() - timedelta(hours=2)
    )
    mailoutbox.clear()
    first = subscribe(cohesion, frequency="dagelijks")
    assert "Bevestig je inschrijving in je mailbox" in first.content.decode()
    (mail,) = mailoutbox
    assert "al" in mail.subject
    assert link_in(mail, "/meldingen/") == subscription.get_absolute_url()
    subscription.refresh_from_db()
    assert subscription.frequency == "wekelijks"  # only the subscriber's own link changes it


def test_one_mailbox_gets_at_most_one_mail_an_hour_per_search(
    subscribe, client, cohesion, mailoutbox
):
    for _ in range(4):
        subscribe(cohesion)
    assert len(mailoutbox) == 1
    assert Subscription.objects.count() == 1


def test_the_form_is_rate_limited_per_sender_and_keeps_what_was_typed(subscribe, client, cohesion):
    for n in range(services.ADDRESS_LIMIT):
        subscribe(cohesion, email=f"iemand{n}@gemeente.be")
    response = subscribe(cohesion, email="nog.een@gemeente.be")
    page = response.content.decode()
    assert "veel aanvragen van dit adres" in page
    assert 'value="nog.een@gemeente.be"' in page
    assert Subscription.objects.count() == services.ADDRESS_LIMIT


def test_a_robot_filling_the_honeypot_gets_the_same_answer_and_nothing_is_stored(
    subscribe, client, cohesion, mailoutbox
):
    response = subscribe(cohesion, website="https://spam.example")
    assert "Bevestig je inschrijving in je mailbox" in response.content.decode()
    assert not Subscription.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "", "frequency": "wekelijks"}, "Vul je e-mailadres in."),
        ({"email": "geen-adres", "frequency": "wekelijks"}, "Vul een geldig e-mailadres in"),
        ({"email": "a@b.be", "frequency": "elk uur"}, "Kies dagelijks of wekelijks."),
        ({"email": "x" * 300 + "@b.be", "frequency": "dagelijks"}, "hoogstens 254 tekens"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_keeps_what_was_typed(client, cohesion, data, message):
    response = client.post(SEARCH.format(slug=cohesion.slug), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Nog niet ingeschreven" in page
    if data["email"]:
        assert f'value="{data["email"]}"' in page
    assert not Subscription.objects.exists()


def test_odd_addresses_and_searches_never_fail(client):
    assert client.get("/meldingen/?categorie=bestaat-niet&q=%00x").status_code == 200
    assert client.get("/meldingen/" + "x" * 500 + "/").status_code == 404
    assert client.get("/meldingen/onbekend/bevestig/").status_code == 404
    assert client.post("/meldingen/onbekend/").status_code == 404
    response = client.get("/meldingen/?categorie=bestaat-niet")
    assert "bestaat niet" in response.content.decode()


def test_the_subscriber_changes_the_frequency_on_their_own_page(
    subscribe, client, cohesion, mailoutbox
):
    subscribe(cohesion)
    client.post(link_in(mailoutbox[0], "/meldingen/"))
    subscription = Subscription.objects.get()
    page = client.get(subscription.get_absolute_url())
    assert page["X-Robots-Tag"] == "noindex"
    assert page["Referrer-Policy"] == "same-origin"
    response = client.post(subscription.get_absolute_url(), {"frequency": "dagelijks"})
    assert "voortaan dagelijks" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.frequency == "dagelijks"
    bad = client.post(subscription.get_absolute_url(), {"frequency": "nooit"})
    assert "Kies dagelijks of wekelijks." in bad.content.decode()


def test_a_digest_of_a_search_whose_filter_was_removed_sends_nothing(subscribe, client, mailoutbox):
    category = CategoryFactory(slug="verdwijnt")
    subscribe(category, frequency="dagelijks")
    client.post(link_in(mailoutbox[0], "/meldingen/"))
    category.practices.all().delete()
    category.delete()
    PracticeFactory(title="Iets heel anders")
    mailoutbox.clear()
    assert run(days=1).queued == 1
    assert mailoutbox == []


def test_the_privacy_page_says_what_is_kept_and_how_long(client, settings):
    settings.ALERT_CONFIRM_DAYS = 5
    page = client.get("/privacy/").content.decode()
    assert 'id="meldingen"' in page
    assert "binnen 5 dagen" in page
    assert "tot je je uitschrijft" in page
