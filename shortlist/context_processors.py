from django.conf import settings

from shortlist.shortlist import SESSION_KEY, ids_in


def shortlist(request):
    """The ids on the visitor's shortlist, for the "Bewaar" buttons and the menu. A visitor
    without a session cookie costs no query."""
    session = getattr(request, "session", None)
    if session is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return {"shortlist_ids": ()}
    return {"shortlist_ids": set(ids_in(session)) if SESSION_KEY in session else ()}
