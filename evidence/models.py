"""How well a practice is underpinned, and who says so.

The levels (practices.Practice.Evidence) and their criteria are kept here so that the editors
can refine the wording; /over/#onderbouwing publishes them. An assessment records the level a
practice was judged to reach, which criteria it meets, the documents it rests on, who assessed
it and when, and until when it holds (settings.EVIDENCE_VALID_YEARS). The practice's own
`evidence_level`, which the search filters on, follows its latest assessment while that holds
(evidence.services); a practice never assessed keeps the level its sources carry."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from practices.documents import StoredDocument, file_or_link
from practices.models import Practice

LEVELS = Practice.Evidence


class Level(models.Model):
    """The public description of one level of Practice.Evidence."""

    code = models.CharField("niveau", max_length=20, choices=LEVELS, unique=True)
    description = models.TextField(
        "uitleg", max_length=2000, help_text="Wat dit niveau zegt, voor bezoekers."
    )
    # The level's place in Practice.Evidence (0 for the first): criteria of a level up to an
    # assessment's own may count for it.
    rank = models.PositiveSmallIntegerField("rang", unique=True, editable=False)

    class Meta:
        ordering = ["rank"]
        verbose_name = "niveau van onderbouwing"
        verbose_name_plural = "niveaus van onderbouwing"
        constraints = [
            models.CheckConstraint(
                condition=Q(code__in=LEVELS.values),
                name="evidence_level_code_valid",
                violation_error_message="Kies een niveau uit de lijst.",
            )
        ]

    def __str__(self):
        return self.get_code_display()

    def get_absolute_url(self):
        return reverse("practices:about") + "#onderbouwing"


class Criterion(models.Model):
    level = models.ForeignKey(
        Level, on_delete=models.CASCADE, related_name="criteria", verbose_name="niveau"
    )
    text = models.CharField("criterium", max_length=300)
    explanation = models.TextField("toelichting", max_length=2000, blank=True)
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["level__rank", "position", "pk"]
        verbose_name = "criterium"
        verbose_name_plural = "criteria"
        constraints = [
            models.UniqueConstraint(
                fields=["level", "text"],
                name="evidence_criterion_unique_text",
                violation_error_message="Dit niveau heeft al een criterium met deze tekst.",
            )
        ]

    def __str__(self):
        return f"{self.level}: {self.text}"


class AssessmentQuerySet(models.QuerySet):
    def latest_first(self):
        """Newest assessment first: the first of a practice's is the one that counts."""
        return self.order_by("-assessed_on", "-pk")

    def expired(self, today=None):
        return self.filter(valid_until__lt=today or timezone.localdate())

    def expiring(self, *, today, days):
        """Still valid today, but not `days` from now."""
        return self.filter(
            valid_until__gte=today, valid_until__lt=today + timezone.timedelta(days=days)
        )

    def latest_per_practice(self):
        """Each practice's latest assessment only: the one that counts."""
        newer = Assessment.objects.filter(practice=models.OuterRef("practice")).filter(
            Q(assessed_on__gt=models.OuterRef("assessed_on"))
            | Q(assessed_on=models.OuterRef("assessed_on"), pk__gt=models.OuterRef("pk"))
        )
        return self.exclude(models.Exists(newer))


class Assessment(models.Model):
    class Assessor(models.TextChoices):
        EDITORS = "redactie", "De redactie van de databank"
        EXTERNAL = "extern", "Een externe organisatie"

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="assessments", verbose_name="praktijk"
    )
    level = models.CharField("niveau", max_length=20, choices=LEVELS)
    criteria = models.ManyToManyField(
        Criterion,
        blank=True,
        related_name="assessments",
        verbose_name="criteria waaraan ze voldoet",
    )
    assessor_kind = models.CharField(
        "beoordeeld door", max_length=10, choices=Assessor, default=Assessor.EDITORS
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="redacteur",
        help_text="Wie van de redactie beoordeelde (niet publiek).",
    )
    external_body = models.CharField(
        "externe organisatie",
        max_length=200,
        blank=True,
        help_text="Bij een externe beoordeling: de naam zoals ze op de fiche mag staan.",
    )
    assessed_on = models.DateField("beoordeeld op")
    valid_until = models.DateField(
        "geldig tot",
        blank=True,
        help_text="Leeg: zoveel jaar na de beoordeling als een beoordeling geldt (5, tenzij "
        "anders ingesteld).",
    )
    summary = models.TextField(
        "toelichting", max_length=3000, blank=True, help_text="Staat op de fiche."
    )
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["practice", "-assessed_on", "-pk"]
        verbose_name = "beoordeling"
        verbose_name_plural = "beoordelingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=LEVELS.values),
                name="evidence_assessment_level_valid",
                violation_error_message="Kies een niveau uit de lijst.",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gt=F("assessed_on")),
                name="evidence_assessment_valid_after_assessed",
                violation_error_message="‘Geldig tot’ moet na de datum van de beoordeling vallen.",
            ),
            models.CheckConstraint(
                condition=Q(assessor_kind="redactie") | ~Q(external_body=""),
                name="evidence_assessment_external_named",
                violation_error_message="Geef de naam van de externe organisatie.",
            ),
        ]

    def __str__(self):
        return f"{self.get_level_display()} ({self.assessed_on:%d-%m-%Y})"

    def get_absolute_url(self):
        return self.practice.get_absolute_url() + "#s-evidence"

    def is_expired(self, today=None):
        return self.valid_until < (today or timezone.localdate())

    @property
    def assessor_name(self):
        """Who assessed it, as the sheet says it (an editor is never named)."""
        if self.assessor_kind == self.Assessor.EXTERNAL:
            return self.external_body
        return self.Assessor.EDITORS.label.lower()


class AssessmentDocument(StoredDocument):
    """A report, evaluation or study an assessment rests on: a link or an uploaded file."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="documents", verbose_name="beoordeling"
    )
    file = models.FileField("bestand", max_length=300, blank=True, upload_to="onderbouwing")

    class Meta:
        ordering = ["assessment", "pk"]
        verbose_name = "document"
        verbose_name_plural = "documenten"
        constraints = [file_or_link("evidence_document_file_or_url")]
