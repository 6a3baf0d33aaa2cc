"""Editors' choices about a sheet's "Vergelijkbare praktijken": a practice always shown beside
another (pinned), or never (excluded). Either way the choice holds both ways: a pin on A to B
shows B on A's sheet and A on B's."""

from django.db import models


class RelatedPractice(models.Model):
    class Kind(models.TextChoices):
        PINNED = "vast", "Altijd tonen"
        EXCLUDED = "nooit", "Nooit tonen"

    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="related_choices",
        verbose_name="praktijk",
    )
    other = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="vergelijkbare praktijk",
    )
    kind = models.CharField("keuze", max_length=5, choices=Kind, default=Kind.PINNED)

    class Meta:
        ordering = ["practice", "kind", "other"]
        verbose_name = "vergelijkbare praktijk"
        verbose_name_plural = "vergelijkbare praktijken (keuze van de redactie)"
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "other"],
                name="related_practice_once",
                violation_error_message="Deze praktijk staat hier al.",
            ),
            models.CheckConstraint(
                condition=~models.Q(practice=models.F("other")),
                name="related_practice_not_itself",
                violation_error_message="Een praktijk is niet vergelijkbaar met zichzelf.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["vast", "nooit"]),
                name="related_practice_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.practice} – {self.other} ({self.get_kind_display().lower()})"
