from django.urls import path

from alerts import views

app_name = "alerts"
urlpatterns = [
    path("meldingen/", views.subscribe, name="subscribe"),
    path("meldingen/<str:token>/", views.manage, name="manage"),
    path("meldingen/<str:token>/bevestig/", views.confirm, name="confirm"),
    path("meldingen/<str:token>/uitschrijven/", views.unsubscribe, name="unsubscribe"),
]
