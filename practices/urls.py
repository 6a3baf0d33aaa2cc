from django.urls import path
from django.views.generic import TemplateView

from practices import views

app_name = "practices"

urlpatterns = [
    path("", views.home, name="home"),
    path("praktijken/", views.practice_list, name="practice_list"),
    path("praktijken/<slug:slug>/", views.practice_detail, name="practice_detail"),
    path("categorie/<slug:slug>/", views.category_detail, name="category_detail"),
    path("plan-samenleven/", views.action_list, name="action_list"),
    path("plan-samenleven/actie-<int:number>/", views.action_detail, name="action_detail"),
    path(
        "toegankelijkheid/",
        TemplateView.as_view(template_name="practices/accessibility.html"),
        name="accessibility",
    ),
]
