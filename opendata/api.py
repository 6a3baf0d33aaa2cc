"""The read-only API, version 1: /api/v1/. Django REST framework with drf-spectacular.

DRF because its generic views, pagination, throttling and content negotiation are exactly
this job, and drf-spectacular derives the OpenAPI 3 schema from the same serializers, so the
schema cannot drift from the answers (schemathesis checks that in the tests). The list of
practices takes the search page's parameters and uses the same code (parse_search).
"""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.pagination import PageNumberPagination

from dossiers.models import Dossier, DossierEntry
from opendata import serializers
from practices.models import (
    Action,
    Category,
    Event,
    Municipality,
    Organisation,
    PolicyDomain,
    Practice,
    TargetGroup,
)
from search import adopted
from search.filters import FACETS
from search.results import Sort, searched_practices


class Pages(PageNumberPagination):
    page_size = 20
    page_query_param = "pagina"
    page_size_query_param = "per_pagina"
    max_page_size = 100


class LongPages(Pages):
    page_size = 100
    max_page_size = 1000


SEARCH_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Zoekwoorden, zoals op /praktijken/."),
    OpenApiParameter(
        "sorteer",
        OpenApiTypes.STR,
        enum=["", *Sort.LABELS],
        description="Volgorde; standaard relevantie met zoekwoorden, anders titel.",
    ),
    *(
        OpenApiParameter(
            facet.param,
            OpenApiTypes.STR,
            many=True,
            explode=True,
            description=f"{facet.label}: een of meer waarden (slugs), zoals op /praktijken/.",
        )
        for facet in FACETS
    ),
    OpenApiParameter(
        adopted.PARAM,
        OpenApiTypes.STR,
        enum=["1"],
        description="Met 1 vindt de gemeentefilter ook de praktijken die een gekozen gemeente "
        "overnam (‘Ook toegepast in’).",
    ),
]


def _for_api(queryset):
    return queryset.for_cards().prefetch_related("target_groups", "policy_domains", "tags")


@extend_schema(parameters=SEARCH_PARAMETERS)
class PracticeList(generics.ListAPIView):
    """Published practices, filtered and ordered as the search on /praktijken/."""

    serializer_class = serializers.PracticeSerializer
    pagination_class = Pages

    def get_queryset(self):
        ordered = searched_practices(self.request.query_params)
        # The page's rows are read whole, with their relations, in a fixed number of queries.
        return _for_api(ordered)


class PracticeDetail(generics.RetrieveAPIView):
    serializer_class = serializers.PracticeDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        # The whole sheet: the long texts too (cards leave them in the database).
        return (
            _for_api(Practice.objects.published())
            .defer(None)
            .defer("search_vector")
            .prefetch_related("links", "organisations", "material_files")
        )


def term_list(model, serializer, ordering, pagination=Pages, doc=""):
    class TermList(generics.ListAPIView):
        __doc__ = doc
        queryset = model.objects.order_by(*ordering)
        serializer_class = serializer
        pagination_class = pagination

    TermList.__name__ = f"{model.__name__}List"
    return TermList.as_view()


categories = term_list(Category, serializers.CategorySerializer, ["name"], doc="Categorieën.")
target_groups = term_list(
    TargetGroup, serializers.TargetGroupSerializer, ["name"], doc="Doelgroepen."
)
policy_domains = term_list(
    PolicyDomain, serializers.PolicyDomainSerializer, ["name"], doc="Beleidsdomeinen."
)
municipalities = term_list(
    Municipality,
    serializers.MunicipalitySerializer,
    ["name", "pk"],
    LongPages,
    doc="Gemeenten van het officiële register (met NIS-code) en plaatsen in het buitenland.",
)
actions = term_list(
    Action, serializers.ActionSerializer, ["number"], doc="Acties van Plan Samenleven."
)
events = term_list(
    Event, serializers.EventSerializer, ["year", "month", "day", "pk"], doc="Activiteiten."
)
organisations = term_list(
    Organisation, serializers.OrganisationSerializer, ["name", "pk"], doc="Organisaties."
)


class DossierList(generics.ListAPIView):
    """Dossiers: practices on a theme, in the editors' order, each with their note."""

    serializer_class = serializers.DossierSerializer
    pagination_class = Pages

    def get_queryset(self):
        published = DossierEntry.objects.filter(
            practice__status=Practice.Status.PUBLISHED
        ).select_related("practice")
        return Dossier.objects.published().prefetch_related(
            Prefetch("entries", queryset=published, to_attr="shown_entries"), "events"
        )
