"""What the read-only API returns (opendata/api.py). Field names are English, as in the export
JSON; values are what the sheets show."""

from django.conf import settings
from rest_framework import serializers

from adoptions.models import Adoption
from dossiers.models import Dossier
from opendata.evidence import DocumentSerializer, LatestAssessmentField
from practices.models import (
    Action,
    Category,
    Event,
    Municipality,
    Organisation,
    PolicyDomain,
    Practice,
    PracticeLink,
    PracticeLocation,
    TargetGroup,
)
from practices.models.start import START_FIELDS
from practices.related import related_practices


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


def term_serializer(model_class, *extra_fields):
    class Serializer(serializers.ModelSerializer):
        class Meta:
            model = model_class
            fields = ["slug", "name", *extra_fields]

    Serializer.__name__ = f"{model_class.__name__}Serializer"
    return Serializer


CategorySerializer = term_serializer(Category)
TargetGroupSerializer = term_serializer(TargetGroup)
PolicyDomainSerializer = term_serializer(PolicyDomain)
MunicipalitySerializer = term_serializer(Municipality, "nis_code", "province", "region", "country")
OrganisationSerializer = term_serializer(Organisation)


class ActionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = ["number", "title", "url"]

    def get_url(self, action) -> str:
        return settings.SITE_URL.rstrip("/") + action.get_absolute_url()


class EventSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    date = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = ["slug", "title", "kind", "date", "summary", "url"]

    def get_url(self, event) -> str:
        return settings.SITE_URL.rstrip("/") + event.get_absolute_url()

    def get_date(self, event) -> str:
        """As precise as the source gives it: 2019-03-26, 2019-03, or --05-25 without year."""
        year, month, day = event.year, event.month, event.day
        if year and month and day:
            return f"{year}-{month:02}-{day:02}"
        if year and month:
            return f"{year}-{month:02}"
        if month and day:
            return f"--{month:02}-{day:02}"
        return str(year or "")


class PlaceSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.name", default="")
    nis_code = serializers.CharField(source="municipality.nis_code", default="")

    class Meta:
        model = PracticeLocation
        fields = ["municipality", "nis_code", "area_label"]


class PlaceWithContactSerializer(PlaceSerializer):
    class Meta(PlaceSerializer.Meta):
        fields = [
            *PlaceSerializer.Meta.fields,
            "description",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_url",
        ]


class LinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = PracticeLink
        fields = ["title", "url"]


class PracticeSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    api_url = serializers.HyperlinkedIdentityField(
        view_name="opendata:api-practice", lookup_field="slug"
    )
    category = CategorySerializer(allow_null=True)
    target_groups = TargetGroupSerializer(many=True)
    policy_domains = PolicyDomainSerializer(many=True)
    actions = ActionSerializer(many=True)
    places = PlaceSerializer(many=True, source="locations")
    keywords = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name", source="tags"
    )

    class Meta:
        model = Practice
        fields = [
            "slug",
            "title",
            "summary",
            "url",
            "api_url",
            "category",
            "target_groups",
            "policy_domains",
            "actions",
            "places",
            "keywords",
            "evidence_level",
            "life_status",
            "ended_year",
            "cost_band",
            "published_at",
            "content_changed_at",
        ]

    def get_url(self, practice) -> str:
        return settings.SITE_URL.rstrip("/") + practice.get_absolute_url()


class PracticeDetailSerializer(PracticeSerializer):
    places = PlaceWithContactSerializer(many=True, source="locations")
    links = LinkSerializer(many=True)
    organisations = OrganisationSerializer(many=True)
    adopted_in = serializers.SerializerMethodField(
        help_text="Gemeenten die de praktijk overnamen (‘Ook toegepast in’), apart van de "
        "plaatsen waar ze begon."
    )
    earlier_listing = serializers.SlugRelatedField(
        slug_field="title",
        read_only=True,
        help_text="De bron die toont dat de praktijk al in de vorige databank stond, of null.",
    )

    related = serializers.SerializerMethodField(
        help_text="Vergelijkbare praktijken, zoals de fiche ze toont (hoogstens vier)."
    )
    material_files = DocumentSerializer(many=True, help_text="Materiaal om te downloaden.")
    assessment = LatestAssessmentField(
        help_text="De laatste beoordeling van de onderbouwing, of null; na ‘valid_until’ telt "
        "de praktijk als ‘beschreven’."
    )

    class Meta(PracticeSerializer.Meta):
        fields = [
            *PracticeSerializer.Meta.fields,
            "description",
            "target_group_detail",
            "goals",
            "success_factors",
            "challenges",
            "organisations",
            "links",
            "evaluation_url",
            "situation_year",
            "situation_month",
            "earlier_listing",
            "end_reason",
            "lessons",
            *(name for name in START_FIELDS if name != "cost_band"),  # 'Aan de slag'
            "material_files",
            "assessment",
            "adopted_in",
            "related",
        ]

    def get_related(self, practice) -> list[dict]:
        site = settings.SITE_URL.rstrip("/")
        return [
            {"slug": other.slug, "title": other.title, "url": site + other.get_absolute_url()}
            for other in related_practices(practice)
        ]

    def get_adopted_in(self, practice) -> list[dict]:
        return [
            {
                "municipality": adoption.municipality.name,
                "nis_code": adoption.municipality.nis_code,
                "since_year": adoption.since_year,
                "until_year": adoption.until_year,
            }
            for adoption in Adoption.objects.accepted()
            .filter(practice=practice)
            .select_related("municipality")
        ]


class DossierEntrySerializer(serializers.Serializer):
    slug = serializers.CharField(source="practice.slug")
    title = serializers.CharField(source="practice.title")
    url = serializers.SerializerMethodField()
    note = serializers.CharField(help_text="De noot van de redactie bij deze praktijk.")

    def get_url(self, entry) -> str:
        return settings.SITE_URL.rstrip("/") + entry.practice.get_absolute_url()


class DossierSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    practices = DossierEntrySerializer(
        many=True, source="shown_entries", help_text="In de volgorde van de redactie."
    )
    events = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Dossier
        fields = ["slug", "title", "introduction", "url", "practices", "events", "updated_at"]

    def get_url(self, dossier) -> str:
        return settings.SITE_URL.rstrip("/") + dossier.get_absolute_url()
