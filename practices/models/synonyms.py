"""Search synonyms that editors keep: a query for one term also finds the others."""

from django.db import models

from practices.fields import TextListField


class SynonymGroupQuerySet(models.QuerySet):
    def all_terms(self):
        """Every group's terms, for search.text.query_groups (one query)."""
        return list(self.values_list("terms", flat=True))


class SynonymGroup(models.Model):
    """A short editorial list; the search loads it whole (one query) when there is a query."""

    terms = TextListField(
        "termen",
        help_text="Woorden of woordgroepen die hetzelfde betekenen, één per regel "
        "(bijvoorbeeld ‘polarisatie’ en ‘polarisering’).",
    )

    objects = SynonymGroupQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = "synoniemengroep"
        verbose_name_plural = "synoniemen voor het zoeken"

    def __str__(self):
        return " ↔ ".join(self.terms)
