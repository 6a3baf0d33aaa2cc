"""'Wij doen dit ook': a town that runs or ran a practice that started elsewhere. Once the
editors accept it, the sheet lists it under 'Ook toegepast in' (apart from where the practice
started) and the API names it."""

from django.conf import settings
from django.db import models


class AdoptionQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=Adoption.Status.ACCEPTED)


class Adoption(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "Nieuw"
        ACCEPTED = "accepted", "Aanvaard"
        DECLINED = "declined", "Afgewezen"

    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="adoptions",
        verbose_name="praktijk",
    )
    municipality = models.ForeignKey(
        "practices.Municipality",
        on_delete=models.PROTECT,
        related_name="adoptions",
        verbose_name="gemeente",
    )
    since_year = models.PositiveSmallIntegerField("sinds", null=True, blank=True)
    until_year = models.PositiveSmallIntegerField(
        "tot", null=True, blank=True, help_text="Leeg zolang het daar nog loopt."
    )
    changes = models.TextField("wat ze anders doen", max_length=3000, blank=True)
    contact_name = models.CharField("contactpersoon", max_length=150)
    contact_email = models.EmailField("e-mail", max_length=254)
    contact_phone = models.CharField("telefoon", max_length=40, blank=True)
    show_contact = models.BooleanField(
        "contact tonen op de fiche", default=False, help_text="Alleen met toestemming."
    )
    status = models.CharField(
        "status", max_length=10, choices=Status, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField("ingediend op", auto_now_add=True)
    decided_at = models.DateTimeField("beslist op", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beslist door",
    )
    address_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__name", "pk"]
        verbose_name = "toepassing elders"
        verbose_name_plural = "toepassingen elders (‘Wij doen dit ook’)"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["new", "accepted", "declined"]),
                name="adoption_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(until_year__isnull=True)
                | models.Q(since_year__isnull=True)
                | models.Q(until_year__gte=models.F("since_year")),
                name="adoption_until_after_since",
                violation_error_message="‘Tot’ ligt niet voor ‘sinds’.",
            ),
            models.UniqueConstraint(
                fields=["practice", "municipality"],
                condition=models.Q(status="accepted"),
                name="adoption_accepted_once_per_town",
                violation_error_message="Deze gemeente staat al bij ‘Ook toegepast in’.",
            ),
        ]

    def __str__(self):
        return f"{self.municipality} – {self.practice}"

    @property
    def period(self):
        """'sinds 2021', 'van 2019 tot 2023', 'tot 2023' or ''."""
        if self.since_year and self.until_year:
            return f"van {self.since_year} tot {self.until_year}"
        if self.since_year:
            return f"sinds {self.since_year}"
        return f"tot {self.until_year}" if self.until_year else ""
