"""Dates as precise as the sources give them: "26 maart 2019", "maart 2019", or "25 mei"."""

from django.db import models
from django.utils import dates

UNDATED = "niet gedateerd"


def partial_date_label(year, month, day):
    """A partial date in Dutch words: '26 maart 2019', 'maart 2019', '2019', '25 mei'."""
    parts = []
    if day:
        parts.append(str(day))
    if month:
        parts.append(str(dates.MONTHS[month]))
    if year:
        parts.append(str(year))
    return " ".join(parts) or UNDATED


class PartialDate(models.Model):
    """A date of which the year, month or day may be unknown.

    The inspiration day's page names "25 mei" and no year: such a date is stored as it is,
    never completed with a guess. Sorting puts undated rows last.
    """

    year = models.PositiveSmallIntegerField("jaar", null=True, blank=True)
    month = models.PositiveSmallIntegerField(
        "maand", null=True, blank=True, help_text="1 tot 12; leeg als de bron geen maand noemt."
    )
    day = models.PositiveSmallIntegerField(
        "dag", null=True, blank=True, help_text="Leeg als de bron geen dag noemt."
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(month__isnull=True) | models.Q(month__gte=1, month__lte=12),
                name="%(class)s_month_1_to_12",
            ),
            models.CheckConstraint(
                condition=models.Q(day__isnull=True)
                | models.Q(day__gte=1, day__lte=31, month__isnull=False),
                name="%(class)s_day_needs_month",
            ),
            models.CheckConstraint(
                condition=models.Q(year__isnull=True) | models.Q(year__gte=1900, year__lte=2100),
                name="%(class)s_year_plausible",
            ),
        ]

    @property
    def date_label(self):
        return partial_date_label(self.year, self.month, self.day)

    @property
    def date_iso(self):
        """For <time datetime>: '2019-03-26', '2019-03', '2019', a yearless '05-25' (HTML's
        "yearless date"), or '' when nothing of the kind can be said."""
        if not self.year:
            return f"{self.month:02d}-{self.day:02d}" if self.month and self.day else ""
        if not self.month:
            return f"{self.year:04d}"
        if not self.day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
