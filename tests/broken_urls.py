"""The site's URLs plus a view that always fails, for the test of the 500 page."""

from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise ValueError("a bug")


urlpatterns = [path("kapot/", broken), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
