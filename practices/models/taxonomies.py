"""Curated taxonomies that editors keep: category, target group, policy domain, municipality."""

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from practices.fields import TextListField


class NamedTaxonomy(models.Model):
    """A curated term with a name unique regardless of case, and a slug for URLs."""

    name = models.CharField("naam", max_length=120)
    slug = models.SlugField("slug", max_length=140, unique=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class PracticeCountQuerySet(models.QuerySet):
    """For models with a `practices` relation: Category and Action."""

    def with_published_practice_count(self):
        """Each row's number of published practices (home page, action list).

        A category counts its practices from the index (category, status) per row; actions
        count in one grouped join over the link table (a practice links to an action once).
        At 100,000 practices: 104 ms and 64 ms before, 4 ms and 38 ms now.
        """
        field = self.model._meta.get_field("practices")
        if field.many_to_many:
            return self.annotate(
                published_practice_count=models.Count(
                    "practices", filter=models.Q(practices__status="published")
                )
            ).order_by(*self.model._meta.ordering)  # aggregating drops Meta.ordering
        relation = field.remote_field.name
        count = (
            field.related_model.objects.published()
            .filter(**{relation: models.OuterRef("pk")})
            .order_by()
            .values(relation)
            .annotate(count=models.Count("*"))
            .values("count")
        )
        return self.annotate(
            published_practice_count=models.functions.Coalesce(
                models.Subquery(count), models.Value(0)
            )
        )


class Category(NamedTaxonomy):
    introduction = models.TextField(
        "introductie", blank=True, help_text="Korte inleiding bovenaan de categoriepagina."
    )
    description = models.TextField("beschrijving", blank=True)
    goals = TextListField("gedeelde doelen")
    success_factors = TextListField("gedeelde succesfactoren")
    challenges = TextListField("gedeelde uitdagingen")
    target_groups = models.ManyToManyField(
        "practices.TargetGroup", blank=True, related_name="categories", verbose_name="doelgroepen"
    )
    policy_domains = models.ManyToManyField(
        "practices.PolicyDomain",
        blank=True,
        related_name="categories",
        verbose_name="beleidsdomeinen",
    )

    sources = models.ManyToManyField(
        "practices.Source", blank=True, related_name="categories", verbose_name="bronnen"
    )

    objects = PracticeCountQuerySet.as_manager()

    class Meta(NamedTaxonomy.Meta):
        verbose_name = "categorie"
        verbose_name_plural = "categorieën"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="category_name_unique_ci"),
        ]

    def get_absolute_url(self):
        return reverse("practices:category_detail", args=[self.slug])


class TargetGroup(NamedTaxonomy):
    class Meta(NamedTaxonomy.Meta):
        verbose_name = "doelgroep"
        verbose_name_plural = "doelgroepen"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="targetgroup_name_unique_ci"),
        ]


class PolicyDomain(NamedTaxonomy):
    class Meta(NamedTaxonomy.Meta):
        verbose_name = "beleidsdomein"
        verbose_name_plural = "beleidsdomeinen"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="policydomain_name_unique_ci"),
        ]


class MunicipalityQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def matching_name(self, text):
        """The municipality a typed name means: 'Stad Genk', 'GENK', 'Genk (Limburg)' and
        'Genk' are Genk; a French name finds the municipality too. None when nothing matches
        (the caller lets an editor choose; nothing is created without a province)."""
        from practices.register import typed_name_key

        key = typed_name_key(text)
        if not key:
            return None
        return self.filter(models.Q(name_key=key) | models.Q(name_fr_key=key)).first()

    def in_belgium(self):
        return self.filter(country=Municipality.Country.BELGIUM)


class Municipality(NamedTaxonomy):
    """A local government: the 565 Belgian municipalities of the official register (loaded
    from Statbel's REFNIS list, see practices.register), and places abroad that practices
    run in (Utrecht, Amsterdam), which editors add."""

    class Province(models.TextChoices):
        # New values go at the end: the facet index numbers provinces by their place here.
        ANTWERPEN = "antwerpen", "Antwerpen"
        LIMBURG = "limburg", "Limburg"
        OOST_VLAANDEREN = "oost-vlaanderen", "Oost-Vlaanderen"
        VLAAMS_BRABANT = "vlaams-brabant", "Vlaams-Brabant"
        WEST_VLAANDEREN = "west-vlaanderen", "West-Vlaanderen"
        BRUSSELS = "brussel", "Brussels Hoofdstedelijk Gewest"
        WAALS_BRABANT = "waals-brabant", "Waals-Brabant"
        HENEGOUWEN = "henegouwen", "Henegouwen"
        LUIK = "luik", "Luik"
        LUXEMBURG = "luxemburg", "Luxemburg"
        NAMEN = "namen", "Namen"

    class Region(models.TextChoices):
        FLANDERS = "vlaanderen", "Vlaams Gewest"
        BRUSSELS = "brussel", "Brussels Hoofdstedelijk Gewest"
        WALLONIA = "wallonie", "Waals Gewest"

    class Country(models.TextChoices):
        BELGIUM = "BE", "België"
        NETHERLANDS = "NL", "Nederland"

    nis_code = models.CharField(
        "NIS-code",
        max_length=5,
        blank=True,
        help_text="De officiële code van Statbel (5 cijfers), voor Belgische gemeenten.",
    )
    name_fr = models.CharField("Franse naam", max_length=120, blank=True)
    province = models.CharField(
        "provincie", max_length=20, choices=Province, blank=True, help_text="Indien gekend."
    )
    region = models.CharField("gewest", max_length=12, choices=Region, blank=True)
    country = models.CharField("land", max_length=2, choices=Country, default=Country.BELGIUM)
    # Derived from the names (practices.register.name_key): what lookups and the unique
    # constraint compare, so that they fold case and accents the same way.
    name_key = models.CharField(max_length=120, editable=False, default="", db_index=True)
    name_fr_key = models.CharField(max_length=120, editable=False, blank=True, db_index=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta(NamedTaxonomy.Meta):
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="municipality_name_key_unique"),
            models.UniqueConstraint(
                fields=["nis_code"],
                condition=~models.Q(nis_code=""),
                name="municipality_nis_code_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(nis_code="") | models.Q(nis_code__regex=r"^[0-9]{5}$"),
                name="municipality_nis_code_five_digits",
            ),
            models.CheckConstraint(
                condition=models.Q(province="") | models.Q(country="BE"),
                name="municipality_province_only_in_belgium",
            ),
            models.CheckConstraint(
                condition=models.Q(region="") | models.Q(country="BE"),
                name="municipality_region_only_in_belgium",
            ),
            models.CheckConstraint(condition=~models.Q(name_key=""), name="municipality_has_key"),
        ]

    def save(self, *args, **kwargs):
        # Derived columns, like a slug: they follow the names whatever saves the row.
        from practices.register import name_key

        self.name_key = name_key(self.name)
        self.name_fr_key = name_key(self.name_fr)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key", "name_fr_key"}
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.slug,)

    @property
    def is_abroad(self):
        return self.country != self.Country.BELGIUM
