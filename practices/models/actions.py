"""The 24 actions of Plan Samenleven, the Flemish subsidy call that practices put into effect."""

from django.db import models
from django.urls import reverse

from practices.fields import TextListField
from practices.models.taxonomies import PracticeCountQuerySet

FIRST_ACTION = 1
LAST_ACTION = 24


class Action(models.Model):
    number = models.PositiveSmallIntegerField(
        "nummer", help_text=f"Van {FIRST_ACTION} tot {LAST_ACTION}."
    )
    title = models.CharField("titel", max_length=200)
    theme = models.CharField(
        "thema", max_length=120, blank=True, help_text="Bijvoorbeeld: Veiligheid en leefbaarheid."
    )
    description = models.TextField("beschrijving", blank=True)
    minimal_expectations = TextListField(
        "minimale verwachtingen", help_text="Wat een lokaal bestuur minstens doet. Eén per regel."
    )
    max_subsidy = models.PositiveIntegerField(
        "maximale subsidie (euro)",
        null=True,
        blank=True,
        help_text="In hele euro, zonder punt: 25000. Leeg als niet gekend.",
    )
    financial_support = models.TextField("financiële ondersteuning", blank=True)
    support = models.TextField("inhoudelijke ondersteuning", blank=True)
    mentor_municipality = models.ForeignKey(
        "practices.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mentored_actions",
        verbose_name="mentorbestuur",
    )
    mentor_description = models.TextField("wat het mentorbestuur doet", blank=True)
    sources = models.ManyToManyField(
        "practices.Source", blank=True, related_name="actions", verbose_name="bronnen"
    )

    objects = PracticeCountQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = "actie Plan Samenleven"
        verbose_name_plural = "acties Plan Samenleven"
        constraints = [
            models.UniqueConstraint(fields=["number"], name="action_number_unique"),
            models.CheckConstraint(
                condition=models.Q(number__gte=FIRST_ACTION, number__lte=LAST_ACTION),
                name="action_number_between_1_and_24",
            ),
        ]

    def __str__(self):
        return f"Actie {self.number} – {self.title}"

    def get_absolute_url(self):
        return reverse("practices:action_detail", args=[self.number])
