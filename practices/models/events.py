"""Events where practices were presented: a study afternoon, an inspiration day."""

from django.db import models
from django.urls import reverse

from practices.models.dates import PartialDate


class EventQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("municipality").prefetch_related("organisers")


class Event(PartialDate):
    class Kind(models.TextChoices):
        STUDY_AFTERNOON = "studienamiddag", "Studienamiddag"
        INSPIRATION_DAY = "inspiratiedag", "Inspiratiedag"
        OTHER = "andere", "Andere activiteit"

    title = models.CharField("titel", max_length=200)
    slug = models.SlugField("slug", max_length=220, unique=True)
    kind = models.CharField("soort", max_length=16, choices=Kind)
    summary = models.CharField(
        "samenvatting", max_length=300, help_text="Eén of twee zinnen, in eigen woorden."
    )
    description = models.TextField("beschrijving", blank=True)
    venue = models.CharField(
        "locatie", max_length=200, blank=True, help_text="Zoals de bron ze noemt."
    )
    municipality = models.ForeignKey(
        "practices.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="gemeente",
    )
    organisers = models.ManyToManyField(
        "practices.Organisation",
        blank=True,
        related_name="organised_events",
        verbose_name="organisatoren",
    )
    partners = models.ManyToManyField(
        "practices.Organisation",
        blank=True,
        related_name="partnered_events",
        verbose_name="in samenwerking met",
    )
    report = models.TextField(
        "verslag", blank=True, help_text="Wat er gebeurde, in eigen woorden (uit het verslag)."
    )

    objects = EventQuerySet.as_manager()

    class Meta(PartialDate.Meta):
        ordering = [models.F("year").desc(nulls_last=True), "-month", "-day", "title"]
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"
        constraints = [
            *PartialDate.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(kind__in=["studienamiddag", "inspiratiedag", "andere"]),
                name="event_kind_valid",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:event_detail", args=[self.slug])


class SessionQuerySet(models.QuerySet):
    def with_event(self):
        return self.select_related("event")


class Session(models.Model):
    """A part of an event's programme: a talk, a workshop or a work session on an action."""

    class Kind(models.TextChoices):
        PROGRAMME = "onderdeel", "Programmaonderdeel"
        WORKSHOP = "workshop", "Workshop"
        WORK_SESSION = "werksessie", "Werksessie"

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="sessions", verbose_name="activiteit"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name="onderdeel van",
        help_text="Een workshop binnen het blok ‘parallelle workshops’.",
    )
    kind = models.CharField("soort", max_length=12, choices=Kind)
    title = models.CharField("titel", max_length=250)
    start_time = models.TimeField("van", null=True, blank=True)
    end_time = models.TimeField("tot", null=True, blank=True)
    description = models.TextField("beschrijving", blank=True)
    actions = models.ManyToManyField(
        "practices.Action", blank=True, related_name="sessions", verbose_name="acties"
    )
    practices = models.ManyToManyField(
        "practices.Practice",
        blank=True,
        related_name="sessions",
        verbose_name="voorgestelde praktijken",
    )
    organisations = models.ManyToManyField(
        "practices.Organisation",
        blank=True,
        related_name="sessions",
        verbose_name="betrokken organisaties",
    )
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["event", "position", "id"]
        verbose_name = "sessie"
        verbose_name_plural = "sessies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["onderdeel", "workshop", "werksessie"]),
                name="session_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=False, end_time__gt=models.F("start_time")),
                name="session_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.event})"

    def get_absolute_url(self):
        return f"{self.event.get_absolute_url()}#sessie-{self.pk}"

    @property
    def anchor(self):
        return f"sessie-{self.pk}"
