"""Bulk import and export of practices in the admin (django-import-export): CSV and XLSX.

One row per practice, keyed by its slug. Lists are one item per line inside a cell; taxonomy
values are separated by " | "; municipalities are named by NIS code (a place abroad by its
slug). Every value an editor types is checked before anything is written: an unknown code or
name gives a Dutch message on that row, and the dry run shows it before the import is
confirmed. Every imported change is a revision with the editor's name."""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from import_export import fields, resources, widgets

from practices.models import (
    Action,
    Category,
    Municipality,
    PolicyDomain,
    Practice,
    PracticeLink,
    PracticeLocation,
    TargetGroup,
)
from practices.services import mark_content_changed

SEPARATOR = " | "


def _split(value, separator="|"):
    return [part.strip() for part in str(value or "").replace("\r", "").split(separator)]


def _parts(value, separator="|"):
    return [part for part in _split(value, separator) if part]


class TextWidget(widgets.Widget):
    """Text; an empty spreadsheet cell is empty text, not NULL."""

    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class LinesWidget(widgets.Widget):
    """A list of texts, one per line in the cell."""

    def clean(self, value, row=None, **kwargs):
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]

    def render(self, value, obj=None, **kwargs):
        return "\n".join(value or [])


class KeyWidget(widgets.ForeignKeyWidget):
    """A foreign key by a readable key, with a Dutch message for an unknown one."""

    def __init__(self, model, field, label):
        super().__init__(model, field=field)
        self.label = label

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        found = self.model.objects.filter(**{self.field: str(value).strip()}).first()
        if found is None:
            raise ValueError(f"Onbekende {self.label}: ‘{value}’.")
        return found


class StrictManyWidget(widgets.ManyToManyWidget):
    """Values separated by '|'; every one must exist (nothing is silently dropped)."""

    def __init__(self, model, field, label):
        super().__init__(model, separator="|", field=field)
        self.label = label

    def clean(self, value, row=None, **kwargs):
        wanted = _parts(value)
        found = {
            str(getattr(obj, self.field)): obj
            for obj in self.model.objects.filter(**{f"{self.field}__in": wanted})
        }
        unknown = [item for item in wanted if item not in found]
        if unknown:
            raise ValueError(f"Onbekende {self.label}: " + ", ".join(f"‘{u}’" for u in unknown))
        return [found[item] for item in wanted]

    def render(self, value, obj=None, **kwargs):
        if value is None:  # a practice that is not saved yet
            return ""
        return SEPARATOR.join(str(getattr(item, self.field)) for item in value.all())


class PracticeResource(resources.ModelResource):
    slug = fields.Field(attribute="slug", column_name="slug", widget=TextWidget())
    title = fields.Field(attribute="title", column_name="titel", widget=TextWidget())
    summary = fields.Field(attribute="summary", column_name="samenvatting", widget=TextWidget())
    description = fields.Field(
        attribute="description", column_name="beschrijving", widget=TextWidget()
    )
    status = fields.Field(attribute="status", column_name="status", widget=TextWidget())
    category = fields.Field(
        attribute="category",
        column_name="categorie",
        widget=KeyWidget(Category, "slug", "categorie"),
    )
    goals = fields.Field(attribute="goals", column_name="doelen", widget=LinesWidget())
    success_factors = fields.Field(
        attribute="success_factors", column_name="succesfactoren", widget=LinesWidget()
    )
    challenges = fields.Field(
        attribute="challenges", column_name="uitdagingen", widget=LinesWidget()
    )
    target_groups = fields.Field(
        attribute="target_groups",
        column_name="doelgroepen",
        widget=StrictManyWidget(TargetGroup, "name", "doelgroep"),
    )
    target_group_detail = fields.Field(
        attribute="target_group_detail", column_name="doelgroep_zoals_de_bron", widget=TextWidget()
    )
    policy_domains = fields.Field(
        attribute="policy_domains",
        column_name="beleidsdomeinen",
        widget=StrictManyWidget(PolicyDomain, "name", "beleidsdomein"),
    )
    actions = fields.Field(
        attribute="actions",
        column_name="acties",
        widget=StrictManyWidget(Action, "number", "actie"),
    )
    municipalities = fields.Field(column_name="gemeenten_nis")
    areas = fields.Field(column_name="ruimer_gebied")
    keywords = fields.Field(column_name="trefwoorden")
    links = fields.Field(column_name="links")
    evidence_level = fields.Field(
        attribute="evidence_level", column_name="onderbouwing", widget=TextWidget()
    )
    evaluation_url = fields.Field(
        attribute="evaluation_url", column_name="evaluatie", widget=TextWidget()
    )
    situation_year = fields.Field(
        attribute="situation_year",
        column_name="stand_van_zaken_jaar",
        widget=widgets.IntegerWidget(),
    )
    situation_month = fields.Field(
        attribute="situation_month",
        column_name="stand_van_zaken_maand",
        widget=widgets.IntegerWidget(),
    )

    class Meta:
        model = Practice
        import_id_fields = ["slug"]
        # Only the columns declared above, in this order.
        fields = [
            "slug",
            "title",
            "summary",
            "description",
            "status",
            "category",
            "goals",
            "success_factors",
            "challenges",
            "target_groups",
            "target_group_detail",
            "policy_domains",
            "actions",
            "municipalities",
            "areas",
            "keywords",
            "links",
            "evidence_level",
            "evaluation_url",
            "situation_year",
            "situation_month",
        ]
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = True

    # Export ---------------------------------------------------------------------------------

    def get_queryset(self):
        return Practice.objects.select_related("category").prefetch_related(
            "target_groups",
            "policy_domains",
            "actions",
            "tags",
            "links",
            "locations__municipality",
        )

    def dehydrate_municipalities(self, practice):
        return SEPARATOR.join(
            location.municipality.nis_code or location.municipality.slug
            for location in practice.locations.all()
            if location.municipality_id
        )

    def dehydrate_areas(self, practice):
        return "\n".join(
            location.area_label for location in practice.locations.all() if location.area_label
        )

    def dehydrate_keywords(self, practice):
        return SEPARATOR.join(sorted(tag.name for tag in practice.tags.all()))

    def dehydrate_links(self, practice):
        return "\n".join(f"{link.title}{SEPARATOR}{link.url}" for link in practice.links.all())

    # Import ---------------------------------------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        """Check every column first; all problems of a row come back together, in Dutch."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in (
            self.fields["target_groups"],
            self.fields["policy_domains"],
            self.fields["actions"],
        ):
            if field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        instance._import_parts = {}
        for name, parse in (
            ("municipalities", self._parse_municipalities),
            (
                "areas",
                lambda value: [
                    line.strip() for line in str(value or "").splitlines() if line.strip()
                ],
            ),
            ("keywords", _parts),
            ("links", self._parse_links),
        ):
            column = self.fields[name].column_name
            if column not in row:
                continue
            try:
                instance._import_parts[name] = parse(row[column])
            except ValueError as error:
                errors[column] = [str(error)]
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _parse_municipalities(value):
        tokens = _parts(value)
        by_code = {m.nis_code: m for m in Municipality.objects.filter(nis_code__in=tokens)}
        by_slug = {m.slug: m for m in Municipality.objects.filter(slug__in=tokens)}
        found, unknown = [], []
        for token in tokens:
            municipality = by_code.get(token) or by_slug.get(token)
            (found if municipality else unknown).append(municipality or token)
        if unknown:
            raise ValueError(
                "Onbekende NIS-code of gemeente: " + ", ".join(f"‘{u}’" for u in unknown)
            )
        return list(dict.fromkeys(found))

    @staticmethod
    def _parse_links(value):
        links = []
        for number, line in enumerate(str(value or "").splitlines(), start=1):
            if not line.strip():
                continue
            title, _, url = line.rpartition("|")
            url, title = url.strip(), title.strip() or url.strip()
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"Link {number} heeft geen webadres (titel | https://…).")
            links.append((title, url))
        return links

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged means the columns of the practice itself and its places, keywords and
        links too (django-import-export compares only the first)."""
        if not super().skip_row(instance, original, row, import_validation_errors):
            return False
        parts = getattr(instance, "_import_parts", {})
        locations = list(original.locations.all())
        now = {
            "municipalities": {loc.municipality_id for loc in locations if loc.municipality_id},
            "areas": {loc.area_label for loc in locations if not loc.municipality_id},
            "keywords": {tag.name for tag in original.tags.all()},
            "links": [(link.title, link.url) for link in original.links.all()],
        }
        wanted = {
            "municipalities": {m.pk for m in parts.get("municipalities", [])},
            "areas": set(parts.get("areas", [])),
            "keywords": set(parts.get("keywords", [])),
            "links": parts.get("links", []),
        }
        return all(now[name] == wanted[name] for name in parts)

    def after_save_instance(self, instance, row, **kwargs):
        """Places, keywords and links: the row says what the practice has, nothing more."""
        parts = getattr(instance, "_import_parts", {})
        if "municipalities" in parts or "areas" in parts:
            self._replace_places(instance, parts.get("municipalities"), parts.get("areas"))
        if "keywords" in parts:
            instance.tags.set(parts["keywords"])
        if "links" in parts:
            instance.links.all().delete()
            PracticeLink.objects.bulk_create(
                PracticeLink(practice=instance, title=title[:200], url=url, position=n)
                for n, (title, url) in enumerate(parts["links"])
            )

    @staticmethod
    def _replace_places(practice, municipalities, areas):
        locations = practice.locations.all()
        if municipalities is not None:
            keep = {m.pk for m in municipalities}
            locations.filter(municipality__isnull=False).exclude(municipality_id__in=keep).delete()
            have = set(locations.values_list("municipality_id", flat=True))
            PracticeLocation.objects.bulk_create(
                PracticeLocation(practice=practice, municipality=m, position=n)
                for n, m in enumerate(municipalities)
                if m.pk not in have
            )
        if areas is not None:
            locations.filter(municipality__isnull=True).exclude(area_label__in=areas).delete()
            have = set(
                locations.filter(municipality__isnull=True).values_list("area_label", flat=True)
            )
            PracticeLocation.objects.bulk_create(
                PracticeLocation(practice=practice, area_label=label[:120], position=100 + n)
                for n, label in enumerate(areas)
                if label not in have
            )

    def after_import_row(self, row, row_result, **kwargs):
        """Every imported change is a revision, by the editor who imported it."""
        if kwargs.get("dry_run") or row_result.import_type not in ("new", "update"):
            return
        practice = Practice.objects.get(pk=row_result.object_id)
        if row_result.import_type == "update":
            mark_content_changed(practice=practice)
        with transaction.atomic(), reversion.create_revision():
            if kwargs.get("user") is not None:
                reversion.set_user(kwargs["user"])
            reversion.set_comment(
                "Aangemaakt bij een import."
                if row_result.import_type == "new"
                else "Bijgewerkt bij een import."
            )
            reversion.add_to_revision(practice)
