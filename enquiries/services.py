"""Asking the editors about a sheet: store, mail through the worker, then forget."""

import datetime

from django.db import transaction
from django.utils import timezone

from enquiries.models import Enquiry
from enquiries.tasks import send_enquiry
from submissions.services import address_hash

RATE_LIMIT = 5  # questions per address
RATE_WINDOW = datetime.timedelta(hours=24)
KEEP_UNSENT = datetime.timedelta(days=7)  # a question the mail server kept refusing


class RateLimited(Exception):
    pass


@transaction.atomic
def ask_editors(*, practice, name, email, message, address, robot=False):
    """Store the question and queue its two mails (none for a robot, which is told the same
    thanks). Raises RateLimited after RATE_LIMIT questions from one address in a day."""
    now = timezone.now()
    Enquiry.objects.filter(created_at__lt=now - max(RATE_WINDOW, KEEP_UNSENT)).delete()
    hashed = address_hash(address)
    if Enquiry.objects.filter(address_hash=hashed, created_at__gte=now - RATE_WINDOW).count() >= (
        RATE_LIMIT
    ):
        raise RateLimited
    if robot:
        return None
    enquiry = Enquiry.objects.create(
        practice=practice, name=name, email=email, message=message, address_hash=hashed
    )
    transaction.on_commit(lambda: send_enquiry.enqueue(enquiry.pk), robust=True)
    return enquiry
