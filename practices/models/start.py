"""'Aan de slag': what it takes to start a practice elsewhere — what it costs (the amount as a
source or submitter states it, and a band to filter on), the people and time it needs, the
partners and preconditions, and materials to reuse. Every field is optional: a sheet says only
what its sources say."""

from django.db import models

from practices.documents import StoredDocument, file_or_link
from practices.fields import TextListField


class CostBand(models.TextChoices):
    """New bands go at the end: the facet index numbers them by their place here."""

    UNKNOWN = "onbekend", "Onbekend"
    UP_TO_5000 = "tot-5000", "Minder dan € 5.000"
    UP_TO_25000 = "5000-25000", "€ 5.000 tot 25.000"
    UP_TO_100000 = "25000-100000", "€ 25.000 tot 100.000"
    ABOVE_100000 = "meer-100000", "Meer dan € 100.000"


START_FIELDS = (
    "cost_amount",
    "cost_band",
    "staff_time",
    "volunteers",
    "setup_time",
    "run_time",
    "partners_needed",
    "preconditions",
    "materials",
)


class PracticeStart(models.Model):
    """The fields of 'Aan de slag' (inherited by practices.Practice)."""

    CostBand = CostBand

    cost_amount = models.CharField(
        "kosten",
        max_length=250,
        blank=True,
        help_text="Zoals de bron of de indiener het zegt, bv. ‘€ 12.000 per jaar, waarvan "
        "€ 8.000 subsidie’.",
    )
    cost_band = models.CharField(
        "kostenschijf",
        max_length=12,
        choices=CostBand,
        default=CostBand.UNKNOWN,
        help_text="Om op te filteren; ‘Onbekend’ zolang geen bron een bedrag noemt.",
    )
    staff_time = models.CharField(
        "personeel", max_length=250, blank=True, help_text="Bv. ‘een halftijdse coördinator’."
    )
    volunteers = models.CharField(
        "vrijwilligers", max_length=250, blank=True, help_text="Hoeveel, en wat ze doen."
    )
    setup_time = models.CharField(
        "voorbereiding", max_length=120, blank=True, help_text="Bv. ‘drie maanden’."
    )
    run_time = models.CharField(
        "looptijd", max_length=120, blank=True, help_text="Bv. ‘elk schooljaar’, ‘twee jaar’."
    )
    partners_needed = models.TextField("nodige partners", max_length=3000, blank=True)
    preconditions = models.TextField("randvoorwaarden", max_length=3000, blank=True)
    materials = TextListField(
        "materiaal",
        help_text="Handleidingen, sjablonen, affiches…: één per regel, als ‘titel | https://…’.",
    )

    class Meta:
        abstract = True

    @property
    def has_start_facts(self):
        """Whether the sheet says anything of what it takes (the 'Aan de slag' block)."""
        return self.cost_band != CostBand.UNKNOWN or any(
            getattr(self, name) for name in START_FIELDS if name != "cost_band"
        )

    @property
    def material_links(self):
        """[(title, url)] of the materials ('titel | https://…', or a bare address)."""
        found = []
        for line in self.materials or []:
            title, _, url = line.rpartition("|")
            url = url.strip()
            if url.startswith(("https://", "http://")):
                found.append((title.strip() or url, url))
        return found


START_CONSTRAINTS = [
    models.CheckConstraint(
        condition=models.Q(cost_band__in=CostBand.values),
        name="practice_cost_band_valid",
        violation_error_message="Kies een kostenschijf uit de lijst.",
    ),
]


class PracticeMaterial(StoredDocument):
    """A material to reuse (a manual, a template, a poster), uploaded by the editors as a PDF,
    ODT or DOCX checked by its content (practices.documents), or linked."""

    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="material_files",
        verbose_name="praktijk",
    )
    file = models.FileField("bestand", max_length=300, blank=True, upload_to="materiaal")
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["practice", "position", "pk"]
        verbose_name = "materiaal om te downloaden"
        verbose_name_plural = "materiaal om te downloaden"
        constraints = [file_or_link("practice_material_file_or_url")]
