"""How long personal data are kept, and the one function that removes them when the time is up.

What is removed, and when (the privacy page says the same, from these values):
- the keyed hash of the sender's address: after ADDRESS_HASH_HOURS (the rate limit counts
  one hour; anybody with SECRET_KEY could recover an address from its hash by trying them all);
- spam: the whole submission, photo included, SPAM_DAYS after it came in;
- everything else that names or reaches a person, SUBMITTER_DATA_MONTHS after the decision, or
  after the submission when nobody decided: the sender's name, address and phone, the mail
  errors (which quote the address), the photo file and its credit, the contacts of the places,
  and everything editors typed (notes, log notes, the reason for declining);
- the mail queue's finished tasks (tracebacks quote addresses) and the login records (user
  names, addresses, browsers) after TASK_AND_LOGIN_DAYS.
What the sender wrote about the practice and the name of their organisation stay.
"""

from dataclasses import dataclass
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from submissions.models import ModerationLogEntry, Submission, SubmittedPlace

ADDRESS_HASH_HOURS = 24
SPAM_DAYS = 30
TASK_AND_LOGIN_DAYS = 30
REMOVED = "(verwijderd)"
REMOVED_EMAIL = "verwijderd@invalid.example"
REMOVED_REASON = "De reden is verwijderd na de bewaartermijn."


@dataclass
class Purged:
    address_hashes: int = 0
    spam: int = 0
    personal: int = 0
    photos: int = 0
    tasks: int = 0
    login_records: int = 0

    def __str__(self):
        return (
            f"Persoonsgegevens verwijderd uit {self.personal} inzending(en); "
            f"{self.spam} spam-inzending(en) gewist; {self.photos} foto('s) gewist; "
            f"{self.address_hashes} adres-hash(es) gewist; {self.tasks} mailtaak/-taken en "
            f"{self.login_records} aanmeldgegeven(s) gewist."
        )


def cutoff_for(months, now=None):
    return (now or timezone.now()) - timedelta(days=round(months * 30.44))


@transaction.atomic
def purge_personal_data(*, months, now=None) -> Purged:
    """Remove what the retention rules above say is due. Safe to run as often as you like."""
    now = now or timezone.now()
    purged = Purged()
    purged.address_hashes = (
        Submission.objects.filter(created_at__lt=now - timedelta(hours=ADDRESS_HASH_HOURS))
        .exclude(address_hash="")
        .update(address_hash="")
    )

    spam = Submission.objects.filter(
        status=Submission.Status.SPAM, created_at__lt=now - timedelta(days=SPAM_DAYS)
    )
    photos = list(spam.exclude(photo="").values_list("photo", flat=True))
    _, per_model = spam.delete()
    purged.spam = per_model.get(Submission._meta.label, 0)

    due = Submission.objects.annotate(since=Coalesce("decided_at", "created_at")).filter(
        since__lt=cutoff_for(months, now), personal_data_removed_at__isnull=True
    )
    due_ids = list(due.values_list("pk", flat=True))
    photos += list(due.exclude(photo="").values_list("photo", flat=True))
    SubmittedPlace.objects.filter(submission__in=due_ids).update(contact_name="", contact_email="")
    ModerationLogEntry.objects.filter(submission__in=due_ids).exclude(note="").update(note="")
    Submission.objects.filter(pk__in=due_ids).exclude(decline_reason="").update(
        decline_reason=REMOVED_REASON
    )
    purged.personal = Submission.objects.filter(pk__in=due_ids).update(
        submitter_name=REMOVED,
        submitter_email=REMOVED_EMAIL,
        submitter_phone="",
        address_hash="",
        mail_problem="",
        internal_notes="",
        photo="",
        photo_credit="",
        personal_data_removed_at=now,
    )
    purged.photos = len(photos)
    transaction.on_commit(lambda: _delete_files(photos))

    old = now - timedelta(days=TASK_AND_LOGIN_DAYS)
    purged.tasks, _ = DBTaskResult.objects.filter(finished_at__lt=old).delete()
    purged.login_records = sum(
        model.objects.filter(**{f"{field}__lt": old}).delete()[0]
        for model, field in (
            (AccessAttempt, "attempt_time"),
            (AccessFailureLog, "attempt_time"),
            (AccessLog, "attempt_time"),
        )
    )
    return purged


def _delete_files(names):
    storage = Submission._meta.get_field("photo").storage
    for name in names:
        storage.delete(name)
