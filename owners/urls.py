from django.urls import path

from owners import views

app_name = "owners"
urlpatterns = [
    path("klopt-dit-nog/<str:token>/", views.question, name="question"),
    path("klopt-dit-nog/<str:token>/klopt/", views.still_right, name="still_right"),
    path("klopt-dit-nog/<str:token>/veranderd/", views.changed, name="changed"),
    path("klopt-dit-nog/<str:token>/loopt-niet-meer/", views.ended, name="ended"),
    path("klopt-dit-nog/<str:token>/geen-vragen-meer/", views.stop, name="stop"),
]
