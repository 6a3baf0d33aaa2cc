"""An editor's import: the uploaded file, kept in the database so that every app node (and
the task worker) reads the same one, and what checking and applying it found."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse


class ImportRunQuerySet(models.QuerySet):
    def stale(self, now):
        """Checked files nobody confirmed within IMPORT_KEEP_UNCONFIRMED, and the reports of
        finished imports after a week (their files went when they finished)."""
        return self.filter(
            models.Q(state=ImportRun.State.CHECKED)
            & models.Q(created_at__lt=now - settings.IMPORT_KEEP_UNCONFIRMED)
            | models.Q(state__in=ImportRun.State.finished())
            & models.Q(created_at__lt=now - datetime.timedelta(days=7))
        )


class ImportRun(models.Model):
    class State(models.TextChoices):
        CHECKING = "checking", "Wordt nagekeken"
        CHECKED = "checked", "Nagekeken, wacht op bevestiging"
        APPLYING = "applying", "Wordt ingelezen"
        DONE = "done", "Ingelezen"
        FAILED = "failed", "Mislukt"

        @classmethod
        def finished(cls):
            return [cls.DONE, cls.FAILED]

    file_name = models.CharField("bestand", max_length=255)
    content = models.BinaryField("inhoud", editable=False)
    state = models.CharField("stand", max_length=10, choices=State, default=State.CHECKING)
    row_count = models.PositiveIntegerField("rijen", default=0)
    processed = models.PositiveIntegerField("verwerkte rijen", default=0)
    report = models.JSONField("verslag", default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="opgeladen door",
    )
    created_at = models.DateTimeField("opgeladen op", auto_now_add=True)
    finished_at = models.DateTimeField("klaar op", null=True, blank=True)

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "import"
        verbose_name_plural = "imports"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=["checking", "checked", "applying", "done", "failed"]),
                name="importrun_state_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(processed__lte=models.F("row_count")),
                name="importrun_processed_within_rows",
            ),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.get_state_display().lower()})"

    def get_absolute_url(self):
        return reverse("imports:run", args=[self.pk])

    @property
    def busy(self):
        return self.state in (self.State.CHECKING, self.State.APPLYING)

    @property
    def percent(self):
        return round(100 * self.processed / self.row_count) if self.row_count else 0
