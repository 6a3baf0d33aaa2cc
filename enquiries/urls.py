from django.urls import path

from enquiries import views

app_name = "enquiries"
urlpatterns = [
    path("praktijken/<slug:slug>/vraag/", views.ask, name="ask"),
    path("praktijken/<slug:slug>/vraag/verstuurd/", views.sent, name="sent"),
]
