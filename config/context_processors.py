from django.conf import settings


def site(request):
    """Values every page shows: the editors' address."""
    return {"editors_email": settings.EDITORS_EMAIL}
