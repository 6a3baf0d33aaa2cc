from shortlist.shortlist import SESSION_KEY, ids_in


def shortlist(request):
    """The ids on the visitor's shortlist, for the "Bewaar" buttons. A visitor without a
    session costs no query."""
    session = getattr(request, "session", None)
    if session is None or not request.COOKIES.get(_cookie_name()):
        return {"shortlist_ids": ()}
    return {"shortlist_ids": set(ids_in(session)) if SESSION_KEY in session else ()}


def _cookie_name():
    from django.conf import settings

    return settings.SESSION_COOKIE_NAME
