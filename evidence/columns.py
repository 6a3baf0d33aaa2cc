"""The latest assessment in the exports: who assessed the evidence, when, until when, and the
criteria met (registered after 'Evaluatie' from evidence.apps; the import never reads them:
the admin records an assessment)."""

from django.db.models import Case, CharField, DateField, OuterRef, Subquery, Value, When

from evidence.models import Assessment
from practices.columns import Column, aggregate, register_column, split

CARRIES = ("assessments",)  # the practice's relation the columns read


def _latest(field, output_field):
    latest = Assessment.objects.filter(practice=OuterRef("pk")).latest_first()
    return Subquery(latest.values(field)[:1], output_field=output_field)


def _assessor():
    latest = (
        Assessment.objects.filter(practice=OuterRef("pk"))
        .latest_first()
        .annotate(
            who=Case(
                When(assessor_kind=Assessment.Assessor.EXTERNAL, then="external_body"),
                default=Value("redactie"),
                output_field=CharField(),
            )
        )
    )
    return Subquery(latest.values("who")[:1], output_field=CharField())


def _criteria():
    met = Assessment.criteria.through.objects.filter(
        assessment__in=Assessment.objects.latest_per_practice()
    )
    return aggregate(met, "assessment__practice", "criterion__text")


def register():
    after = "evaluation_url"
    for column, expression, cell in reversed(
        [
            (
                Column("assessed_by", "Beoordeeld door", imported=False, fields=CARRIES, width=24),
                _assessor,
                lambda value: value or "",
            ),
            (
                Column("assessed_on", "Beoordeeld op", "date", imported=False, fields=CARRIES),
                lambda: _latest("assessed_on", DateField()),
                lambda value: value,
            ),
            (
                Column(
                    "assessment_valid_until",
                    "Beoordeling geldig tot",
                    "date",
                    imported=False,
                    fields=CARRIES,
                ),
                lambda: _latest("valid_until", DateField()),
                lambda value: value,
            ),
            (
                Column(
                    "criteria_met",
                    "Criteria waaraan ze voldoet",
                    "lines",
                    imported=False,
                    fields=CARRIES,
                ),
                _criteria,
                split,
            ),
        ]
    ):
        register_column(column, after=after, expression=expression, cell=cell)
