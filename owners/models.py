"""Each practice's owner (one of its contacts) and the "Klopt dit nog?" asked of them.

The owner answers through a signed link that expires, without an account: the token holds the
question's number, signed with the site's secret, so an altered or outdated link opens nothing.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone

SALT = "owners.question"


class Owner(models.Model):
    practice = models.OneToOneField(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="owner",
        verbose_name="praktijk",
    )
    name = models.CharField("naam", max_length=200, blank=True)
    email = models.EmailField(
        "e-mail",
        max_length=254,
        help_text="Een contactadres van de fiche. Standaard het eerste contactadres bij een "
        "gemeente; de redactie kan een ander kiezen.",
    )
    opted_out_at = models.DateTimeField(
        "wil geen vragen meer sinds",
        null=True,
        blank=True,
        help_text="De eigenaar zette de mails ‘Klopt dit nog?’ stop. Leegmaken om weer te vragen.",
    )
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        ordering = ["practice__title"]
        verbose_name = "eigenaar"
        verbose_name_plural = "eigenaars"

    def __str__(self):
        return f"{self.name or self.email} – {self.practice}"


class QuestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(answered_at__isnull=True)

    def not_answering(self, now=None):
        """Asked more than OWNER_SILENT_DAYS ago and still without an answer."""
        now = now or timezone.now()
        return self.open().filter(
            asked_at__lt=now - datetime.timedelta(days=settings.OWNER_SILENT_DAYS)
        )


class Question(models.Model):
    """One "Klopt dit nog?" to the owner of a practice that is due for review."""

    class Answer(models.TextChoices):
        STILL_RIGHT = "klopt", "Klopt nog"
        CHANGED = "veranderd", "Er is iets veranderd"
        ENDED = "gestopt", "Loopt niet meer"

    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="owner_questions",
        verbose_name="praktijk",
    )
    email = models.EmailField("gevraagd aan", max_length=254)
    asked_at = models.DateTimeField("gevraagd op", default=timezone.now, db_index=True)
    reminded_at = models.DateTimeField("herinnerd op", null=True, blank=True)
    answered_at = models.DateTimeField("beantwoord op", null=True, blank=True)
    answer = models.CharField("antwoord", max_length=12, choices=Answer, blank=True)
    submission = models.ForeignKey(
        "submissions.Submission",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="inzending",
        help_text="Bij ‘Er is iets veranderd’ of ‘Loopt niet meer’: wat in de wachtrij staat.",
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_at", "-id"]
        verbose_name = "vraag ‘Klopt dit nog?’"
        verbose_name_plural = "vragen ‘Klopt dit nog?’"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answer__in=["", "klopt", "veranderd", "gestopt"]),
                name="owner_question_answer_valid",
                violation_error_message="Kies een antwoord uit de lijst.",
            ),
            models.CheckConstraint(
                condition=(models.Q(answer="") & models.Q(answered_at__isnull=True))
                | (~models.Q(answer="") & models.Q(answered_at__isnull=False)),
                name="owner_question_answer_has_date",
                violation_error_message="Een antwoord heeft een datum, en omgekeerd.",
            ),
        ]

    def __str__(self):
        return f"Klopt dit nog? – {self.practice} ({self.asked_at:%d-%m-%Y})"

    @property
    def token(self):
        return signing.dumps(self.pk, salt=SALT)

    def link(self):
        return reverse("owners:question", args=[self.token])

    @classmethod
    def from_token(cls, token):
        """The question of a link; raises signing.SignatureExpired for an outdated link and
        signing.BadSignature (or DoesNotExist) for one that was altered."""
        max_age = datetime.timedelta(days=settings.OWNER_LINK_DAYS)
        pk = signing.loads(token, salt=SALT, max_age=max_age)
        if not isinstance(pk, int):
            raise signing.BadSignature("not a question")
        return cls.objects.select_related("practice", "practice__owner").get(pk=pk)
