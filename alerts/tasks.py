"""The alert mails, sent by the tasks worker (see submissions.tasks for the backend)."""

import email.policy
import logging
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from alerts.models import Subscription
from alerts.searches import published_between

logger = logging.getLogger(__name__)

MAX_IN_MAIL = 25  # practices listed in one digest; the rest are a link away

SUBJECTS = {
    "confirm": "Bevestig je meldingen van de Databank Sociale Samenhang",
    "already": "Je volgt deze zoekopdracht al",
    # The subscriber's own words never go in a subject (they are quoted in the body).
    "digest": "Nieuwe praktijken voor je zoekopdracht in de Databank Sociale Samenhang",
}


# RFC 5322 allows lines of 998 characters. The SMTP policy's 78 made Python fold the long
# List-Unsubscribe line by encoding it (=?utf-8?q?=3Chttps=3A…?=), which mail programs do not
# read as RFC 2369's <URL>: no one-click unsubscribe.
LONG_LINES = email.policy.SMTP.clone(max_line_length=998)


class AlertMessage(EmailMessage):
    """An alert mail whose headers go out as written (see LONG_LINES)."""

    def message(self, *, policy=LONG_LINES):
        return super().message(policy=LONG_LINES)


def _send(subscription, kind, context):
    site_url = settings.SITE_URL.rstrip("/")
    unsubscribe = site_url + subscription.unsubscribe_url()
    context = {
        **context,
        "subscription": subscription,
        "site_url": site_url,
        "unsubscribe_url": unsubscribe,
        "manage_url": site_url + subscription.get_absolute_url(),
        "confirm_url": site_url + subscription.confirm_url(),
        "search_url": site_url + subscription.search_url(),
        "confirm_days": settings.ALERT_CONFIRM_DAYS,
    }
    subject = SUBJECTS[kind]
    AlertMessage(
        subject[:200],
        render_to_string(f"alerts/email/{kind}.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [subscription.email],
        headers={
            # RFC 2369 and RFC 8058: the mail program's own "unsubscribe" posts to this
            # address, no page and no login in between.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": "Meldingen van de Databank Sociale Samenhang <meldingen.databank>",
            "Auto-Submitted": "auto-generated",
        },
    ).send()


@task
def send_alert_mail(subscription_id, kind):
    """ "confirm": the double opt-in link; "already": this address follows the search."""
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return  # unsubscribed or expired in the meantime
    _send(subscription, kind, {})


@task
def send_digest(subscription_id, since, until):
    """The practices of the subscription's search first published after `since` and up to
    `until` (ISO dates). The period is claimed first, so a digest queued twice is sent once;
    a mail that fails gives its period back, and the next run sends it."""
    since, until = datetime.fromisoformat(since), datetime.fromisoformat(until)
    claimed = Subscription.objects.filter(pk=subscription_id, checked_until=since).update(
        checked_until=until
    )
    if not claimed:
        return
    subscription = Subscription.objects.get(pk=subscription_id)
    found = published_between(subscription.search, since, until)
    practices = list(found[: MAX_IN_MAIL + 1])
    if not practices:
        return
    total = found.count() if len(practices) > MAX_IN_MAIL else len(practices)
    try:
        _send(
            subscription,
            "digest",
            {"practices": practices[:MAX_IN_MAIL], "total": total, "since": since},
        )
    except Exception:
        logger.exception("Alert digest %s not sent", subscription_id)
        Subscription.objects.filter(pk=subscription_id, checked_until=until).update(
            checked_until=since
        )
        raise
    Subscription.objects.filter(pk=subscription_id).update(last_sent_at=timezone.now())
