"""'Wij doen dit ook' from the form to the sheet: store, tell the editors, decide."""

import datetime

from django.db import transaction
from django.utils import timezone

from adoptions.models import Adoption
from submissions.services import address_hash

RATE_LIMIT = 5  # per address and hour
RATE_WINDOW = datetime.timedelta(hours=1)


class RateLimited(Exception):
    pass


class AlreadyDecided(Exception):
    pass


def _queue(adoption, kind):
    from adoptions.tasks import send_adoption_mail

    transaction.on_commit(lambda: send_adoption_mail.enqueue(adoption.pk, kind), robust=True)


@transaction.atomic
def submit_adoption(*, practice, fields, address, robot=False):
    """Store a town's 'Wij doen dit ook' for the editors (nothing for a robot, which gets the
    same thanks). Raises RateLimited after RATE_LIMIT from one address in an hour."""
    hashed = address_hash(address)
    since = timezone.now() - RATE_WINDOW
    if Adoption.objects.filter(address_hash=hashed, created_at__gte=since).count() >= RATE_LIMIT:
        raise RateLimited
    if robot:
        return None
    adoption = Adoption.objects.create(practice=practice, address_hash=hashed, **fields)
    _queue(adoption, "received")
    _queue(adoption, "to_editors")
    return adoption


def _decide(adoption, editor, status):
    locked = Adoption.objects.select_for_update().get(pk=adoption.pk)
    if locked.status != Adoption.Status.NEW:
        raise AlreadyDecided(f"Al beslist: {locked.get_status_display().lower()}.")
    locked.status, locked.decided_by, locked.decided_at = status, editor, timezone.now()
    locked.validate_constraints()  # a town accepted once per sheet, as a sentence
    locked.save()
    _queue(locked, "decided")
    return locked


@transaction.atomic
def accept_adoption(*, adoption, editor):
    """The town goes on the sheet under 'Ook toegepast in'."""
    return _decide(adoption, editor, Adoption.Status.ACCEPTED)


@transaction.atomic
def decline_adoption(*, adoption, editor):
    return _decide(adoption, editor, Adoption.Status.DECLINED)
