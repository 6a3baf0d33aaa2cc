"""Writes of the alerts: asking, confirming, changing, leaving, and the daily run.

Every mail goes out after the transaction commits, through the tasks framework
(alerts.tasks), so a mail server that fails never blocks a visitor.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from alerts.models import Subscription
from submissions.services import address_hash

# Per sender address: requests an hour (the visible limit, like the submission form).
ADDRESS_LIMIT = 10
# Per mailbox (alerts.models.mailbox_key: 'x+1@' and 'x+2@' are one), so nobody can flood
# someone else's mailbox: confirmation mails an hour, over all searches, and at most one an
# hour for the same search.
EMAIL_LIMIT = 5
WINDOW = timedelta(hours=1)
ADDRESS_HASH_HOURS = 24


class RateLimited(Exception):
    """This sender address asked often enough for the hour."""


def is_rate_limited(*, address):
    since = timezone.now() - WINDOW
    hashed = address_hash(address)
    return Subscription.objects.requested_since(since, address_hash=hashed).count() >= (
        ADDRESS_LIMIT
    )


def _queue(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args), robust=True)


@transaction.atomic
def request_subscription(*, email, search, description, frequency, address, robot=False):
    """Ask for alerts about a search. Sends the confirmation link (double opt-in), or, when
    this address follows the search already, a mail that says so with the link to change it.
    What the page answers never tells whether an address is subscribed."""
    if robot:
        return None
    now = timezone.now()
    hashed = address_hash(address)
    if is_rate_limited(address=address):
        raise RateLimited
    email = email.strip().lower()
    subscription = (
        Subscription.objects.select_for_update().filter(email=email, search=search).first()
    )
    if subscription and subscription.requested_at > now - WINDOW:
        return subscription  # a mail about this search went out within the hour
    if Subscription.objects.requested_since(now - WINDOW, email=email).count() >= EMAIL_LIMIT:
        return subscription
    from alerts.tasks import send_alert_mail

    if subscription is None:
        subscription = Subscription.objects.create(
            email=email,
            search=search,
            description=description,
            frequency=frequency,
            requested_at=now,
            address_hash=hashed,
        )
        _queue(send_alert_mail, subscription.pk, "confirm")
        return subscription
    subscription.requested_at = now
    subscription.address_hash = hashed
    subscription.description = description
    if subscription.is_confirmed:
        # A change of frequency needs the subscriber's own link, not just their address.
        subscription.save(update_fields=["requested_at", "address_hash", "description"])
        _queue(send_alert_mail, subscription.pk, "already")
    else:
        subscription.frequency = frequency
        subscription.save()
        _queue(send_alert_mail, subscription.pk, "confirm")
    return subscription


def confirm_subscription(*, subscription, now=None):
    """The link in the confirmation mail was followed: practices published from now on count."""
    if subscription.is_confirmed:
        return subscription
    now = now or timezone.now()
    subscription.confirmed_at = now
    subscription.checked_until = now
    subscription.save(update_fields=["confirmed_at", "checked_until"])
    return subscription


def change_frequency(*, subscription, frequency):
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])
    return subscription


def unsubscribe(*, subscription):
    """Nothing of the subscription is kept."""
    subscription.delete()


@dataclass
class Run:
    expired: int = 0
    hashes: int = 0
    queued: int = 0

    def __str__(self):
        return (
            f"{self.queued} meldingsmail(s) klaargezet; {self.expired} onbevestigde "
            f"inschrijving(en) gewist; {self.hashes} adres-hash(es) gewist."
        )


def run_alerts(*, now=None) -> Run:
    """The daily run: remove what has expired, then queue each digest that is due. Safe to
    run more often: a subscription is only due once a day or once a week, and a digest
    claims its period before it is sent."""
    from alerts.tasks import send_digest

    now = now or timezone.now()
    run = Run()
    run.expired, _ = Subscription.objects.expired(now).delete()
    run.hashes = (
        Subscription.objects.filter(requested_at__lt=now - timedelta(hours=ADDRESS_HASH_HOURS))
        .exclude(address_hash="")
        .update(address_hash="")
    )
    due = list(Subscription.objects.due(now).values_list("pk", "checked_until"))
    for pk, since in due:
        send_digest.enqueue(pk, since.isoformat(), now.isoformat())
        run.queued += 1
    return run
