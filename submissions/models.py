"""Submissions: a new practice sheet, or a suggested change to an existing one."""

import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse

from practices.documents import DocumentKind
from practices.fields import TextListField
from practices.models.life import PracticeLife
from practices.models.start import PracticeStart


def submission_photo_path(instance, filename):
    """A random name: what the submitter called the file is not kept."""
    return f"inzendingen/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:5]}"


def new_token():
    return secrets.token_urlsafe(24)


class SubmissionQuerySet(models.QuerySet):
    def open(self):
        """What still needs an editor: new and in review."""
        return self.filter(status__in=[Submission.Status.NEW, Submission.Status.IN_REVIEW])

    def awaiting_publication_notice(self):
        """Accepted new practices that are online now and whose submitter was not told yet
        (and can still be: personal data not yet removed)."""
        return self.filter(
            kind=Submission.Kind.NEW_PRACTICE,
            status=Submission.Status.ACCEPTED,
            practice__status="published",
            published_notice_at__isnull=True,
            personal_data_removed_at__isnull=True,
        ).exclude(submitter_email="")

    def from_address_since(self, address_hash, since):
        return self.filter(address_hash=address_hash, created_at__gte=since)


class Submission(PracticeLife, PracticeStart):
    class Kind(models.TextChoices):
        NEW_PRACTICE = "new", "Nieuwe praktijk"
        CHANGE = "change", "Voorgestelde wijziging"

    class Status(models.TextChoices):
        NEW = "new", "Nieuw"
        IN_REVIEW = "in_review", "In behandeling"
        ACCEPTED = "accepted", "Aanvaard"
        DECLINED = "declined", "Afgewezen"
        SPAM = "spam", "Spam"

        @property
        def public_label(self):
            """What the submitter reads on the status page (spam reads as received)."""
            return {
                "new": "Ontvangen",
                "in_review": "In behandeling",
                "accepted": "Aanvaard",
                "declined": "Afgewezen",
                "spam": "Ontvangen",
            }[self.value]

    class Part(models.TextChoices):
        """The part of a sheet a suggested change is about."""

        GENERAL = "algemeen", "Iets anders, of de hele fiche"
        TITLE = "title", "Titel"
        SUMMARY = "summary", "Samenvatting"
        DESCRIPTION = "description", "Beschrijving"
        GOALS = "goals", "Doelen"
        SUCCESS_FACTORS = "success_factors", "Succesfactoren"
        CHALLENGES = "challenges", "Uitdagingen"
        PLACES = "places", "Gemeenten en contactpersonen"
        LINKS = "links", "Nuttige links"
        PHOTO = "photo", "Foto"

    kind = models.CharField("soort", max_length=10, choices=Kind, default=Kind.NEW_PRACTICE)
    status = models.CharField(
        "status", max_length=10, choices=Status, default=Status.NEW, db_index=True
    )
    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name="praktijk",
        help_text="Bij een wijziging: de fiche waarover het gaat. Na aanvaarding: de nieuwe fiche.",
    )
    # The sheet as submitted (a new practice).
    title = models.CharField("titel", max_length=200, blank=True)
    summary = models.CharField("samenvatting", max_length=300, blank=True)
    description = models.TextField("beschrijving", max_length=10000, blank=True)
    category = models.ForeignKey(
        "practices.Category",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="categorie",
    )
    goals = TextListField("doelen")
    success_factors = TextListField("succesfactoren")
    challenges = TextListField("uitdagingen")
    target_groups = models.ManyToManyField(
        "practices.TargetGroup", blank=True, related_name="+", verbose_name="doelgroepen"
    )
    policy_domains = models.ManyToManyField(
        "practices.PolicyDomain", blank=True, related_name="+", verbose_name="beleidsdomeinen"
    )
    actions = models.ManyToManyField(
        "practices.Action", blank=True, related_name="+", verbose_name="acties Plan Samenleven"
    )
    # A suggested change: the part of the sheet it is about, and the proposal.
    part = models.CharField("over", max_length=20, choices=Part, blank=True)
    message = models.TextField("voorstel of opmerking", max_length=10000, blank=True)
    photo = models.ImageField("foto", upload_to=submission_photo_path, blank=True)
    photo_alt = models.CharField("wat de foto toont", max_length=250, blank=True)
    photo_credit = models.CharField("fotograaf of bron", max_length=200, blank=True)
    # A material to download ('Aan de slag'), checked by content (practices.documents); an
    # accepted sheet or an applied suggestion gets a copy (submissions.materials).
    material_file = models.FileField(
        "materiaal (bestand)", upload_to="inzendingen-materiaal", max_length=300, blank=True
    )
    material_title = models.CharField("titel van het materiaal", max_length=200, blank=True)
    material_kind = models.CharField(
        "type van het materiaal", max_length=4, choices=DocumentKind, blank=True
    )
    material_size = models.PositiveIntegerField("grootte in bytes", null=True, blank=True)
    # The submitter (personal data: removed by `manage.py purge_submitters`).
    submitter_name = models.CharField("naam", max_length=150)
    submitter_organisation = models.CharField("organisatie of lokaal bestuur", max_length=200)
    submitter_email = models.EmailField("e-mail", max_length=254)
    submitter_phone = models.CharField("telefoon", max_length=40, blank=True)
    address_hash = models.CharField(max_length=64, blank=True, editable=False)
    from_owner = models.BooleanField(
        "van de eigenaar",
        default=False,
        help_text="Het antwoord van de eigenaar van de fiche op ‘Klopt dit nog?’.",
    )
    # Following up.
    reference = models.CharField("referentie", max_length=12, unique=True, editable=False)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="toegewezen aan",
    )
    internal_notes = models.TextField("interne notities", blank=True)
    decline_reason = models.TextField(
        "reden van afwijzing", blank=True, help_text="De indiener ziet deze reden."
    )
    created_at = models.DateTimeField("ingediend", auto_now_add=True)
    decided_at = models.DateTimeField("beslist op", null=True, blank=True)
    mail_problem = models.TextField(
        "probleem met e-mail",
        blank=True,
        help_text="Ingevuld als een e-mail niet verstuurd kon worden.",
    )
    published_notice_at = models.DateTimeField(
        "publicatie gemeld op",
        null=True,
        blank=True,
        help_text="Wanneer de indiener de mail kreeg dat de fiche online staat.",
    )
    personal_data_removed_at = models.DateTimeField(
        "persoonsgegevens verwijderd op", null=True, blank=True
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "inzending"
        verbose_name_plural = "inzendingen"
        indexes = [
            # The rate limit counts an address's submissions of the last hour (services).
            models.Index(fields=["address_hash", "created_at"], name="submission_rate_limit"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="change")
                | models.Q(practice__isnull=False)
                | models.Q(status__in=["declined", "spam", "accepted"]),
                name="submission_change_names_a_practice",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(decline_reason=""),
                name="submission_declined_has_reason",
            ),
        ]

    def __str__(self):
        subject = (
            self.title if self.kind == self.Kind.NEW_PRACTICE else f"wijziging: {self.practice}"
        )
        return f"{self.reference} – {subject}"

    def get_absolute_url(self):
        """The submitter's private status page."""
        return reverse("submissions:status", args=[self.token])

    @property
    def public_status(self):
        return self.Status(self.status).public_label


class SubmittedPlace(models.Model):
    """Where the practice runs, as the submitter wrote it (matched to a municipality on accept)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="places")
    municipality_name = models.CharField("gemeente zoals ingevuld", max_length=120)
    municipality = models.ForeignKey(
        "practices.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gemeente in het register",
        help_text="Kies dit alleen als de ingevulde naam niet vanzelf herkend wordt.",
    )
    description = models.TextField("wat gebeurt hier", max_length=2000, blank=True)
    contact_name = models.CharField("contactpersoon", max_length=200, blank=True)
    contact_email = models.EmailField("e-mail", blank=True)
    contact_url = models.URLField("webadres", max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "gemeente"
        verbose_name_plural = "deze praktijk in"

    def __str__(self):
        return self.municipality_name

    def resolved_municipality(self):
        """The municipality an editor chose, else the one the typed name means (or None)."""
        from practices.models import Municipality

        return self.municipality or Municipality.objects.matching_name(self.municipality_name)


class SubmittedLink(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="links")
    title = models.CharField("titel", max_length=200)
    url = models.URLField("webadres", max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "nuttige link"
        verbose_name_plural = "nuttige links"

    def __str__(self):
        return self.title


class ModerationLogEntry(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="log")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="redacteur",
    )
    from_status = models.CharField("van", max_length=10, choices=Submission.Status, blank=True)
    to_status = models.CharField("naar", max_length=10, choices=Submission.Status)
    note = models.TextField("notitie", blank=True)
    created_at = models.DateTimeField("wanneer", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "moderatiestap"
        verbose_name_plural = "moderatielog"

    def __str__(self):
        return f"{self.submission.reference}: {self.change}"

    @property
    def change(self):
        """What happened to the status, in words: 'Nieuw → In behandeling', 'ingediend
        (Nieuw)' or 'status blijft Nieuw' (an assignment, whose note says to whom)."""
        to = Submission.Status(self.to_status).label
        if not self.from_status:
            return f"ingediend ({to})"
        if self.from_status == self.to_status:
            return f"status blijft {to}"
        return f"{Submission.Status(self.from_status).label} → {to}"
