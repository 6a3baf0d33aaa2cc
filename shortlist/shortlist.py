"""A visitor's shortlist ("bewaarlijst"): practice ids in the session, no account needed.

Shared as a read-only link: the slugs, signed, so nobody can forge a list under our name and
the link keeps working without the session.
"""

from django.core import signing
from django.db.models import Case, IntegerField, Value, When

SESSION_KEY = "bewaarlijst"
MAX_ITEMS = 50
SALT = "shortlist.share"


def ids_in(session):
    return [pk for pk in session.get(SESSION_KEY, []) if isinstance(pk, int)]


def add(session, pk):
    ids = ids_in(session)
    if pk not in ids and len(ids) < MAX_ITEMS:
        session[SESSION_KEY] = [*ids, pk]
        return True
    return pk in ids


def remove(session, pk):
    """Take a practice off; an emptied list leaves the session (an empty session is never
    stored, so a visitor with nothing kept gets no session at all)."""
    kept = [each for each in ids_in(session) if each != pk]
    if kept:
        session[SESSION_KEY] = kept
    elif SESSION_KEY in session:
        del session[SESSION_KEY]


def share_token(slugs):
    return signing.dumps(list(slugs), salt=SALT, compress=True)


def slugs_from(token):
    """The slugs a share link names, or None when the link was altered."""
    try:
        slugs = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
        return None
    return slugs[:MAX_ITEMS]


def in_list_order(queryset, field, values):
    """The rows whose `field` is one of `values`, in the order of `values`: filtered and
    ordered by the database, whether it is the page or an export."""
    order = Case(
        *(When(**{field: value}, then=Value(n)) for n, value in enumerate(values)),
        output_field=IntegerField(),
    )
    return queryset.filter(**{f"{field}__in": values}).order_by(order)
