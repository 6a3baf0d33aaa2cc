from django.urls import path

from submissions import views

app_name = "submissions"

urlpatterns = [
    path("fiche-indienen/", views.submit_practice, name="submit_practice"),
    path(
        "praktijken/<slug:slug>/wijziging-voorstellen/",
        views.suggest_change,
        name="suggest_change",
    ),
    path("inzending/<str:token>/", views.status, name="status"),
    path("privacy/", views.privacy, name="privacy"),
]
