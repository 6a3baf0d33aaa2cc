from django.urls import path

from submissions import views

app_name = "submissions"

urlpatterns = [
    path("fiche-indienen/", views.submit_practice, name="submit_practice"),
]
