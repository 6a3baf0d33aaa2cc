"""A practice's life: whether it still runs, ended as planned, or was stopped, and why, with
what its owners learned. Municipal staff choosing what to start ask "is it still running?"
first; a practice that stopped is kept, because its lessons are worth as much."""

from django.core.exceptions import ValidationError
from django.db import models

FIRST_YEAR = 1950
LAST_YEAR = 2100


class LifeStatus(models.TextChoices):
    """New statuses go at the end: the facet index numbers them by their place here."""

    UNKNOWN = "onbekend", "Niet gekend"
    RUNNING = "loopt", "Loopt"
    FINISHED = "afgelopen", "Afgelopen"
    STOPPED = "gestopt", "Gestopt"


# The fields of a practice's life, as the forms, the proposals and the admin list them.
LIFE_FIELDS = ("life_status", "ended_year", "end_reason", "lessons")

ENDED = (LifeStatus.FINISHED, LifeStatus.STOPPED)
ENDED_VALUES = [status.value for status in ENDED]


class PracticeLife(models.Model):
    """The fields of a practice's life (inherited by practices.Practice)."""

    LifeStatus = LifeStatus

    life_status = models.CharField(
        "loopt de praktijk nog?",
        max_length=10,
        choices=LifeStatus,
        default=LifeStatus.UNKNOWN,
        help_text="Niet gekend: geen bron zegt of ze nog loopt. Afgelopen: ze liep af zoals "
        "gepland. Gestopt: ze werd stopgezet voor ze af was.",
    )
    ended_year = models.PositiveSmallIntegerField(
        "afgelopen of gestopt in",
        null=True,
        blank=True,
        help_text="Het jaar; alleen bij ‘Afgelopen’ of ‘Gestopt’.",
    )
    end_reason = models.TextField(
        "waarom ze stopte",
        blank=True,
        max_length=3000,
        help_text="Alleen bij ‘Gestopt’, zoals de eigenaar of een bron het zegt.",
    )
    lessons = models.TextField(
        "wat ze leerden",
        blank=True,
        max_length=3000,
        help_text="Wat de eigenaars anders zouden doen; ook wat niet werkte.",
    )

    class Meta:
        abstract = True

    @property
    def has_ended(self):
        return self.life_status in ENDED

    @property
    def life_label(self):
        """'Loopt', 'Afgelopen in 2022', 'Gestopt in 2021', or '' when not known."""
        if self.life_status == LifeStatus.UNKNOWN:
            return ""
        label = LifeStatus(self.life_status).label
        return f"{label} in {self.ended_year}" if self.has_ended and self.ended_year else label

    def clean_life(self):
        """The checks of the life fields, with a message next to each field."""
        errors = {}
        if self.has_ended and not self.ended_year:
            errors["ended_year"] = "Geef het jaar waarin de praktijk afliep of stopte."
        if not self.has_ended and self.ended_year:
            errors["ended_year"] = "Een jaar hoort alleen bij ‘Afgelopen’ of ‘Gestopt’."
        if self.end_reason.strip() and self.life_status != LifeStatus.STOPPED:
            errors["end_reason"] = "Waarom ze stopte, hoort alleen bij ‘Gestopt’."
        if errors:
            raise ValidationError(errors)


LIFE_CONSTRAINTS = [
    models.CheckConstraint(
        condition=models.Q(life_status__in=LifeStatus.values),
        name="practice_life_status_valid",
        violation_error_message="Kies uit de lijst of de praktijk nog loopt.",
    ),
    models.CheckConstraint(
        condition=(
            # NULL compared is unknown, which a check lets pass: the year must be there.
            models.Q(life_status__in=ENDED_VALUES, ended_year__isnull=False)
            & models.Q(ended_year__gte=FIRST_YEAR, ended_year__lte=LAST_YEAR)
        )
        | (~models.Q(life_status__in=ENDED_VALUES) & models.Q(ended_year__isnull=True)),
        name="practice_ended_has_year",
        violation_error_message="Een afgelopen of gestopte praktijk heeft een jaar, "
        "een andere niet.",
    ),
    models.CheckConstraint(
        condition=models.Q(end_reason="") | models.Q(life_status=LifeStatus.STOPPED),
        name="practice_end_reason_only_when_stopped",
        violation_error_message="Waarom ze stopte, hoort alleen bij ‘Gestopt’.",
    ),
]
