"""E-mail alerts: an address that follows a search and hears about new practices for it."""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone


def new_token():
    return secrets.token_urlsafe(32)


# A digest is due when the last one covered up to this long ago. The slack lets a daily run of
# `send_alerts` that starts a little earlier than yesterday's still count as a day.
DUE_AFTER = {
    "dagelijks": timedelta(days=1) - timedelta(hours=2),
    "wekelijks": timedelta(days=7) - timedelta(hours=2),
}


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def expired(self, now=None):
        """Never confirmed, and the confirmation link is no longer valid."""
        now = now or timezone.now()
        return self.pending().filter(requested_at__lt=now - confirm_within())

    def due(self, now=None):
        """Confirmed subscriptions whose next digest is due."""
        now = now or timezone.now()
        due = models.Q()
        for frequency, period in DUE_AFTER.items():
            due |= models.Q(frequency=frequency, checked_until__lte=now - period)
        return self.confirmed().filter(due)

    def requested_since(self, since, *, address_hash="", email=""):
        """Asked for since then, from this sender (its hash) or for this mailbox."""
        found = self.filter(requested_at__gte=since)
        if address_hash:
            found = found.filter(address_hash=address_hash)
        if email:
            found = found.filter(mailbox=mailbox_key(email))
        return found


def search_url(search):
    """The /praktijken/ address of a stored search."""
    return reverse("search:results") + (f"?{search}" if search else "")


def confirm_within():
    return timedelta(days=settings.ALERT_CONFIRM_DAYS)


# A search as a mail quotes it: never a link, and not too long (see mail_quote).
ADDRESS_LIKE = re.compile(
    r"(?:https?:/*|www\.)\S*"  # web addresses, written out
    r"|\S+@\S+"  # e-mail addresses
    r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b",  # bare domains (evil.example, x.co/login)
    re.IGNORECASE,
)
MAIL_QUOTE_LENGTH = 120


def mail_quote(text):
    """A subscription's search as the mails quote it: every web or e-mail address replaced,
    so that no mail from the site carries a link someone typed, and cut to 120 characters."""
    text = ADDRESS_LIKE.sub("[adres weggelaten]", " ".join((text or "").split()))
    return text if len(text) <= MAIL_QUOTE_LENGTH else text[: MAIL_QUOTE_LENGTH - 1] + "…"


# Providers that deliver name.surname@ and namesurname@ to the same mailbox.
DOTS_IGNORED = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def mailbox_key(email):
    """The mailbox an address reaches: case folded, without a +tag, without dots where the
    provider ignores them. 'Victim+3@Gmail.com' and 'v.i.c.t.i.m@googlemail.com' are one."""
    local, _, domain = (email or "").strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in DOTS_IGNORED:
        domain = DOTS_IGNORED[domain]
        local = local.replace(".", "")
    return f"{local}@{domain}"


class Subscription(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "dagelijks", "Dagelijks"
        WEEKLY = "wekelijks", "Wekelijks"

    email = models.EmailField("e-mailadres", max_length=254)
    search = models.CharField(
        "zoekopdracht",
        max_length=2000,
        blank=True,
        help_text="De parameters van /praktijken/ (leeg: de hele databank).",
    )
    description = models.CharField("omschrijving", max_length=600)
    frequency = models.CharField(
        "frequentie", max_length=10, choices=Frequency, default=Frequency.WEEKLY
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField("aangevraagd op", default=timezone.now)
    requested_at = models.DateTimeField(
        "laatste bevestigingsmail", default=timezone.now, db_index=True
    )
    confirmed_at = models.DateTimeField("bevestigd op", null=True, blank=True)
    checked_until = models.DateTimeField(
        "nagekeken tot",
        null=True,
        blank=True,
        help_text="Praktijken die later gepubliceerd worden, komen in de volgende mail.",
    )
    last_sent_at = models.DateTimeField("laatste mail", null=True, blank=True)
    address_hash = models.CharField(max_length=64, blank=True, editable=False)
    # What the per-mailbox limit counts (alerts.services.EMAIL_LIMIT); see mailbox_key.
    mailbox = models.CharField(max_length=254, blank=True, editable=False, db_index=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "abonnement op meldingen"
        verbose_name_plural = "abonnementen op meldingen"
        ordering = ["-created_at", "-id"]
        permissions = [("view_subscriber_email", "Kan de e-mailadressen van abonnees zien")]
        constraints = [
            models.UniqueConstraint(fields=["email", "search"], name="alerts_one_per_search"),
            models.CheckConstraint(
                condition=models.Q(confirmed_at__isnull=True)
                | models.Q(checked_until__isnull=False),
                name="alerts_confirmed_has_checked_until",
            ),
            models.CheckConstraint(
                condition=models.Q(email=Lower("email")),
                name="alerts_email_lower_case",
            ),
        ]

    def __str__(self):
        return self.description

    def save(self, *args, **kwargs):
        # A derived column, like a slug: it follows the address whatever saves the row.
        self.mailbox = mailbox_key(self.email)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "mailbox"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The subscriber's own page (private: the token is the key)."""
        return reverse("alerts:manage", args=[self.token])

    @property
    def quoted(self):
        """How the mails show the search (mail_quote)."""
        return mail_quote(self.description)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def status_label(self):
        return "Actief" if self.is_confirmed else "Nog niet bevestigd"

    def search_url(self):
        return search_url(self.search)

    def confirm_url(self):
        return reverse("alerts:confirm", args=[self.token])

    def unsubscribe_url(self):
        return reverse("alerts:unsubscribe", args=[self.token])
