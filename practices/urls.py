from django.urls import path
from django.views.generic import TemplateView

from practices import views

app_name = "practices"

urlpatterns = [
    path("", views.home, name="home"),
    path("praktijken/<slug:slug>/", views.practice_detail, name="practice_detail"),
    path("categorie/<slug:slug>/", views.category_detail, name="category_detail"),
    path("plan-samenleven/", views.action_list, name="action_list"),
    path("plan-samenleven/actie-<int:number>/", views.action_detail, name="action_detail"),
    path("activiteiten/", views.event_list, name="event_list"),
    path("activiteiten/<slug:slug>/", views.event_detail, name="event_detail"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path(
        "organisaties/<slug:slug>/praktijken/",
        views.organisation_practices,
        name="organisation_practices",
    ),
    path(
        "over/",
        TemplateView.as_view(template_name="practices/about.html", extra_context={"nav": "about"}),
        name="about",
    ),
    path(
        "toegankelijkheid/",
        TemplateView.as_view(template_name="practices/accessibility.html"),
        name="accessibility",
    ),
]
