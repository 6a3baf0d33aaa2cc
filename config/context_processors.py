from django.conf import settings


def site(request):
    """Values every page shows: the editors' address, the site's public address, and this
    page's canonical address (without the query string; the search page adds its own)."""
    site_url = settings.SITE_URL.rstrip("/")
    return {
        "editors_email": settings.EDITORS_EMAIL,
        "site_url": site_url,
        "canonical_url": site_url + request.path,
    }
