from django.urls import path

from adoptions import views

app_name = "adoptions"
urlpatterns = [
    path("praktijken/<slug:slug>/wij-ook/", views.adopt, name="adopt"),
    path("praktijken/<slug:slug>/wij-ook/verstuurd/", views.sent, name="sent"),
]
