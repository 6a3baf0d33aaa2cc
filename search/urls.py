from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("praktijken/", views.results, name="results"),
]
