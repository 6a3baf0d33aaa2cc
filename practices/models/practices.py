"""A practice ("praktijk"): one good practice sheet, the unit users search, open and submit."""

import uuid
from pathlib import PurePath

import reversion
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, Now
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from taggit.managers import TaggableManager

from practices.fields import TextListField
from practices.models.dates import partial_date_label
from practices.models.events import Session
from practices.models.life import LIFE_CONSTRAINTS, PracticeLife
from practices.models.people import Role
from practices.models.practice_parts import (
    PracticeLink,
    PracticeLocation,
    TaggedPractice,
)
from practices.models.sources import Source
from practices.models.start import START_CONSTRAINTS, PracticeStart


def practice_image_path(instance, filename):
    """Store uploads under a random name: the original name says nothing we want to keep."""
    suffix = PurePath(filename).suffix.lower()[:5]
    return f"praktijken/{uuid.uuid4().hex}{suffix}"


# Columns a result card never shows.
LONG_FIELDS = (
    "description",
    "goals",
    "success_factors",
    "challenges",
    "search_vector",
    "end_reason",
    "lessons",
    "partners_needed",
    "preconditions",
    "materials",
)
# A card names its category; the category's own texts (a page long) stay in the database.
CARD_CATEGORY_DEFERRED = tuple(
    f"category__{name}"
    for name in ("introduction", "description", "goals", "success_factors", "challenges")
)


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Practice.Status.PUBLISHED)

    def visible_to(self, user):
        """Editors also see drafts (to preview them); everybody else only what is published."""
        if user.is_authenticated and user.has_perm("practices.view_practice"):
            return self
        return self.published()

    def review_overdue(self, today=None):
        """Sheets the editors never reviewed, or whose review date has passed."""
        today = today or timezone.localdate()
        return self.filter(models.Q(review_due_on__isnull=True) | models.Q(review_due_on__lt=today))

    def newest(self):
        """Newest publication first. Published practices always have a date (a constraint
        says so): this order walks the index practice_status_published, no sort."""
        return self.order_by("-published_at", "-id")

    def for_cards(self):
        """What a result card shows: category, places and actions, in a fixed number of queries.

        Long texts stay in the database: a list sorts and pages narrow rows.
        """
        return (
            self.defer(*LONG_FIELDS, *CARD_CATEGORY_DEFERRED)
            .select_related("category")
            .prefetch_related(
                models.Prefetch(
                    "locations", queryset=PracticeLocation.objects.select_related("municipality")
                ),
                "actions",
            )
        )

    def for_sheet(self):
        """Everything the practice sheet shows, in a fixed number of queries."""
        return (
            self.for_cards()
            .defer(None)
            .defer("search_vector")
            .select_related("category", "earlier_listing__event")
            .prefetch_related(
                "links",
                "material_files",
                "target_groups",
                "policy_domains",
                "tags",
                "organisations",
                "category__target_groups",
                "category__policy_domains",
                models.Prefetch("sources", queryset=Source.objects.select_related("event")),
                models.Prefetch("roles", queryset=Role.objects.for_display().with_session()),
                models.Prefetch(
                    "sessions",
                    queryset=Session.objects.with_event().prefetch_related("actions"),
                ),
                models.Prefetch(
                    "sessions__roles",
                    queryset=Role.objects.for_display().filter(practice__isnull=True),
                    to_attr="leaders",
                ),
            )
        )

    def publish(self):
        """Publish in one UPDATE; a practice published before keeps its first publication date."""
        return self.update(
            status=Practice.Status.PUBLISHED,
            published_at=Coalesce("published_at", Now()),
            updated_at=Now(),
        )

    def unpublish(self):
        return self.update(status=Practice.Status.DRAFT, updated_at=Now())


class Practice(PracticeLife, PracticeStart):
    class Status(models.TextChoices):
        DRAFT = "draft", "Concept"
        PUBLISHED = "published", "Gepubliceerd"

    class Evidence(models.TextChoices):
        """How well a practice is underpinned, after the levels Dutch intervention databases
        use; /over/#onderbouwing defines them. New levels go at the end (the facet index
        numbers them by their place here)."""

        DESCRIBED = "beschreven", "Beschreven"
        LOCALLY_EVALUATED = "lokaal-geevalueerd", "Lokaal geëvalueerd"
        EXTERNALLY_RESEARCHED = "extern-onderzocht", "Extern onderzocht"

    title = models.CharField("titel", max_length=200)
    slug = models.SlugField("slug", max_length=220, unique=True)
    summary = models.CharField(
        "samenvatting", max_length=300, help_text="Eén of twee zinnen voor de resultatenlijst."
    )
    description = models.TextField("beschrijving", blank=True)
    category = models.ForeignKey(
        "practices.Category",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name="categorie",
    )
    goals = TextListField("doelen")
    target_groups = models.ManyToManyField(
        "practices.TargetGroup",
        blank=True,
        related_name="practices",
        verbose_name="doelgroepen",
        help_text="Alleen wat een bron over deze praktijk zegt; wat de hele categorie deelt, "
        "staat bij de categorie.",
    )
    target_group_detail = models.CharField(
        "doelgroep zoals de bron ze omschrijft",
        max_length=250,
        blank=True,
        help_text="Bijvoorbeeld: ‘kinderen van 6 tot 12 jaar uit Winterslag’.",
    )
    success_factors = TextListField("succesfactoren")
    challenges = TextListField("uitdagingen")
    policy_domains = models.ManyToManyField(
        "practices.PolicyDomain",
        blank=True,
        related_name="practices",
        verbose_name="beleidsdomeinen",
    )
    actions = models.ManyToManyField(
        "practices.Action",
        blank=True,
        related_name="practices",
        verbose_name="acties Plan Samenleven",
    )
    evidence_level = models.CharField(
        "onderbouwing",
        max_length=20,
        choices=Evidence,
        default=Evidence.DESCRIBED,
        help_text="Beschreven: de fiche beschrijft de aanpak. Lokaal geëvalueerd: het bestuur "
        "of een partner heeft de werking of het effect gemeten. Extern onderzocht: een "
        "onafhankelijke onderzoeker heeft het effect onderzocht.",
    )
    evaluation_url = models.URLField(
        "link naar de evaluatie of het onderzoek", max_length=500, blank=True
    )
    organisations = models.ManyToManyField(
        "practices.Organisation",
        blank=True,
        related_name="practices",
        verbose_name="betrokken organisaties",
    )
    sources = models.ManyToManyField(
        "practices.Source",
        blank=True,
        related_name="practices",
        verbose_name="bronnen",
        help_text="De documenten en activiteiten waarop de fiche steunt.",
    )
    earlier_listing = models.ForeignKey(
        "practices.Source",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="earlier_listings",
        verbose_name="stond al in de vorige databank volgens",
        help_text="De bron die toont dat de praktijk al in de vorige Databank Sociale Samenhang "
        "(sinds eind 2018) stond; leeg als geen bron dat zegt.",
    )
    situation_year = models.PositiveSmallIntegerField(
        "stand van zaken: jaar",
        null=True,
        blank=True,
        help_text="Het jaar van de toestand die de fiche beschrijft; leeg als niet gekend.",
    )
    situation_month = models.PositiveSmallIntegerField(
        "stand van zaken: maand", null=True, blank=True, help_text="1 tot 12, indien gekend."
    )
    tags = TaggableManager(
        "trefwoorden",
        through=TaggedPractice,
        blank=True,
        help_text="Vrije trefwoorden, gescheiden door komma's.",
    )
    image = models.ImageField("foto", upload_to=practice_image_path, blank=True)
    image_alt = models.CharField(
        "alternatieve tekst", max_length=250, blank=True, help_text="Wat de foto toont."
    )
    image_credit = models.CharField("fotograaf of bron", max_length=200, blank=True)
    status = models.CharField(
        "status", max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    updated_at = models.DateTimeField("laatst opgeslagen", auto_now=True)
    content_changed_at = models.DateTimeField(
        "inhoud laatst gewijzigd",
        null=True,
        blank=True,
        editable=False,
        help_text="Leeg zolang de inhoud niet veranderde sinds de fiche werd opgenomen.",
    )
    # The first publication here, kept when a sheet is withdrawn and published again: what
    # the sheet shows as "In de databank sinds".
    published_at = models.DateTimeField("in de databank sinds", null=True, blank=True)
    # Kept current by database triggers on PostgreSQL (migration 0002); empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    last_reviewed_on = models.DateField(
        "laatst nagekeken op",
        null=True,
        blank=True,
        help_text="Wanneer de redactie de fiche het laatst heeft nagekeken.",
    )
    review_due_on = models.DateField(
        "nakijken tegen",
        null=True,
        blank=True,
        db_index=True,
        help_text="Leeg: nog nooit nagekeken. ‘Als nagekeken markeren’ zet dit op de datum "
        "van het nakijken plus de termijn uit de instellingen (standaard 24 maanden).",
    )

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = "praktijk"
        verbose_name_plural = "praktijken"
        constraints = [
            *LIFE_CONSTRAINTS,
            *START_CONSTRAINTS,
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "published"]),
                name="practice_status_valid",
                violation_error_message="De status is ‘Concept’ of ‘Gepubliceerd’.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="practice_published_has_date",
                violation_error_message="Een gepubliceerde fiche heeft een publicatiedatum.",
            ),
            models.CheckConstraint(
                condition=models.Q(image="") | ~models.Q(image_alt=""),
                name="practice_image_has_alt_text",
                violation_error_message="Een fiche met een foto zegt ook wat de foto toont.",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    evidence_level__in=["beschreven", "lokaal-geevalueerd", "extern-onderzocht"]
                ),
                name="practice_evidence_level_valid",
                violation_error_message="Kies een niveau van onderbouwing uit de lijst.",
            ),
            models.CheckConstraint(
                condition=models.Q(situation_month__isnull=True)
                | models.Q(situation_month__gte=1, situation_month__lte=12, situation_year__gt=0),
                name="practice_situation_month_valid",
                violation_error_message="Een maand (1 tot 12) hoort bij een jaar.",
            ),
        ]
        indexes = [
            # The home page and the list sort published practices by publication date.
            models.Index(
                fields=["status", "-published_at", "-id"], name="practice_status_published"
            ),
            # Counting a category's published practices (home page) from the index alone.
            models.Index(fields=["category", "status"], name="practice_category_status"),
            # The list's default order (title A-Z): deep pages walk the index, not a sort.
            models.Index(fields=["status", "title", "id"], name="practice_status_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:practice_detail", args=[self.slug])

    # What a result card shows of its places and actions (practices/_practice_card.html):
    # read through for_cards()'s prefetches, or given whole by the search's page statement
    # (search.cards), which sets these attributes.
    @cached_property
    def card_places(self):
        return [location.place_name for location in self.locations.all()]

    @cached_property
    def card_actions(self):
        return [action.number for action in self.actions.all()]

    def clean(self):
        self.clean_life()
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": "Beschrijf kort wat de foto toont, voor wie ze niet kan zien."}
            )
        if self.is_published and self.published_at is None:
            # Publishing through a form dates the publication, as the publish action does.
            self.published_at = timezone.now()

    @property
    def has_public_contact(self):
        """Whether the sheet names someone to contact: a place's contact or a contact person
        (read from the sheet's prefetched places and roles)."""
        return any(location.has_contact for location in self.locations.all()) or any(
            role.kind == Role.Kind.CONTACT for role in self.roles.all()
        )

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def review_overdue(self):
        """Never reviewed, or past its review date: the sheet says it may be outdated."""
        return self.review_due_on is None or self.review_due_on < timezone.localdate()

    @property
    def situation_label(self):
        """'maart 2019', '2019', or '' when the sources give no year."""
        if not self.situation_year:
            return ""
        return partial_date_label(self.situation_year, self.situation_month, None)

    @property
    def situation_iso(self):
        if not self.situation_year:
            return ""
        if not self.situation_month:
            return f"{self.situation_year:04d}"
        return f"{self.situation_year:04d}-{self.situation_month:02d}"


# History (django-reversion): a revision holds a practice with its places, links and keywords
# (taggit keeps those in TaggedPractice), so that a revert restores the sheet as it was, tags
# included. Registered here, with the models, before the admin registers anything itself.
# The search vector is left out: triggers recompute it.
reversion.register(PracticeLocation)
reversion.register(PracticeLink)
reversion.register(TaggedPractice)
reversion.register(
    Practice, follow=("locations", "links", "tagged_items"), exclude=("search_vector",)
)
