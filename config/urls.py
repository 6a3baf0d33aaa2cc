from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from config.login import ThrottledAdminLoginForm
from config.views import favicon, health

admin.site.login_form = ThrottledAdminLoginForm

urlpatterns = [
    path("gezondheid/", health, name="health"),
    # Browsers ask for it on pages that name no icon (the admin's).
    path("favicon.ico", favicon),
    # Before the admin's own URLs: its catch-all would take these addresses.
    path(f"{settings.ADMIN_PATH}practices/practice/", include("imports.urls")),
    path(f"{settings.ADMIN_PATH}tweede-stap/", include("twofactor.urls")),
    path("", include("insights.urls")),  # its editors' page lives under ADMIN_PATH
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("opendata.urls")),
    path("", include("shortlist.urls")),
    path("", include("alerts.urls")),
    path("", include("owners.urls")),
    path("", include("enquiries.urls")),
    path("", include("dossiers.urls")),
    path("", include("adoptions.urls")),
    path("", include("maps.urls")),
    path("", include("search.urls")),
    path("", include("practices.urls")),
    path("", include("submissions.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "config.views.server_error"
