"""The API's documents (materials to download, the reports an assessment rests on) and a
sheet's evidence assessment."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.links import absolute_url
from evidence.models import Assessment
from practices.documents import MEDIA_TYPES


class DocumentSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="Het bestand op de site, of de link.")
    kind = serializers.CharField(help_text="pdf, odt of docx; leeg bij een link.")
    media_type = serializers.SerializerMethodField()
    size = serializers.IntegerField(allow_null=True, help_text="In bytes; null bij een link.")

    def get_url(self, document) -> str:
        if document.file:
            return absolute_url(document.file.url)
        return document.url

    def get_media_type(self, document) -> str:
        return MEDIA_TYPES.get(document.kind, "")


class AssessmentSerializer(serializers.ModelSerializer):
    assessor = serializers.CharField(source="assessor_name")
    expired = serializers.SerializerMethodField()
    criteria = serializers.SlugRelatedField(slug_field="text", many=True, read_only=True)
    documents = DocumentSerializer(many=True)

    class Meta:
        model = Assessment
        fields = [
            "level",
            "assessed_on",
            "valid_until",
            "expired",
            "assessor",
            "criteria",
            "summary",
            "documents",
        ]

    def get_expired(self, assessment) -> bool:
        return assessment.is_expired()


@extend_schema_field(AssessmentSerializer(allow_null=True))
class LatestAssessmentField(serializers.Field):
    """The practice's latest assessment (the one that counts), or null when never assessed."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, practice):
        assessment = (
            practice.assessments.prefetch_related("criteria", "documents").latest_first().first()
        )
        return AssessmentSerializer(assessment).data if assessment else None
