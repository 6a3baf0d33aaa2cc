"""/api/v1/: included by opendata/urls.py."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from opendata import api

urlpatterns = [
    path("praktijken/", api.PracticeList.as_view(), name="api-practices"),
    # str, not slug: any name gets a JSON answer (404), never the HTML page.
    path("praktijken/<str:slug>/", api.PracticeDetail.as_view(), name="api-practice"),
    path("categorieen/", api.categories, name="api-categories"),
    path("doelgroepen/", api.target_groups, name="api-target-groups"),
    path("beleidsdomeinen/", api.policy_domains, name="api-policy-domains"),
    path("gemeenten/", api.municipalities, name="api-municipalities"),
    path("acties/", api.actions, name="api-actions"),
    path("activiteiten/", api.events, name="api-events"),
    path("organisaties/", api.organisations, name="api-organisations"),
    path("dossiers/", api.DossierList.as_view(), name="api-dossiers"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "",
        SpectacularSwaggerSplitView.as_view(url_name="opendata:api-schema"),
        name="api-docs",
    ),
]
