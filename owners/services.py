"""The owners' upkeep: who owns a sheet, asking them "Klopt dit nog?" and taking their answer.

Called by `manage.py ask_owners` (daily), the owners' pages and the tests alike."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from owners.models import Owner, Question
from practices.models import Practice, PracticeLocation
from practices.services import mark_reviewed
from submissions.models import Submission
from submissions.services import suggest_change

OWNER_ORGANISATION = "Eigenaar van de fiche"


def default_owners(practices):
    """Give each of these practices without an owner its first place contact with an e-mail
    address (by the places' order) as owner. Returns how many were given one."""
    first = {}
    for location in (
        PracticeLocation.objects.filter(practice__in=practices, practice__owner__isnull=True)
        .exclude(contact_email="")
        .order_by("practice_id", "position", "id")
        .only("practice_id", "contact_name", "contact_email")
    ):
        first.setdefault(location.practice_id, location)
    Owner.objects.bulk_create(
        [
            Owner(practice_id=pk, name=location.contact_name, email=location.contact_email)
            for pk, location in first.items()
        ],
        ignore_conflicts=True,
    )
    return len(first)


def owners_to_ask(*, now=None):
    """Reachable owners of published sheets due for review, not asked in the last
    OWNER_ASK_AGAIN_DAYS; the longest overdue first."""
    now = now or timezone.now()
    recently = now - datetime.timedelta(days=settings.OWNER_ASK_AGAIN_DAYS)
    due = Practice.objects.published().review_overdue(timezone.localdate(now))
    return (
        Owner.objects.filter(practice__in=due, opted_out_at__isnull=True)
        .exclude(practice__owner_questions__asked_at__gte=recently)
        .select_related("practice")
        .order_by("practice__review_due_on", "practice__title", "pk")
    )


@dataclass(frozen=True)
class Run:
    asked: int
    reminded: int
    waiting: int  # owners left for a later run (the day's limit, one mail per address)

    def __str__(self):
        owners = "eigenaar" if self.asked == 1 else "eigenaars"
        return (
            f"{self.asked} {owners} gevraagd, {self.reminded} herinnerd, "
            f"{self.waiting} voor een volgende keer."
        )


def _queue(question, kind):
    from owners.tasks import send_owner_mail

    transaction.on_commit(lambda: send_owner_mail.enqueue(question.pk, kind), robust=True)


@transaction.atomic
def ask_owners(*, now=None) -> Run:
    """Mail the owners whose sheet is due for review, and remind once those who did not
    answer within OWNER_REMIND_DAYS. At most OWNER_MAILS_PER_RUN mails and one per address."""
    now = now or timezone.now()
    # Kept one review cycle (the privacy page says so).
    kept = datetime.timedelta(days=round(settings.REVIEW_INTERVAL_MONTHS * 30.44))
    Question.objects.filter(asked_at__lt=now - kept).delete()
    default_owners(Practice.objects.published().review_overdue(timezone.localdate(now)))
    budget, addresses = settings.OWNER_MAILS_PER_RUN, set()
    reminded = 0
    reminders = (
        Question.objects.open()
        .filter(
            reminded_at__isnull=True,
            asked_at__lte=now - datetime.timedelta(days=settings.OWNER_REMIND_DAYS),
            asked_at__gt=now - datetime.timedelta(days=settings.OWNER_LINK_DAYS),
            practice__owner__opted_out_at__isnull=True,
        )
        .select_for_update(of=("self",))
        .order_by("asked_at", "pk")
    )
    for question in reminders[:budget]:
        if question.email.lower() in addresses:
            continue
        addresses.add(question.email.lower())
        question.reminded_at = now
        question.save(update_fields=["reminded_at"])
        _queue(question, "reminder")
        reminded += 1
    asked = waiting = 0
    for owner in owners_to_ask(now=now):
        if reminded + asked >= budget or owner.email.lower() in addresses:
            waiting += 1
            continue
        addresses.add(owner.email.lower())
        question = Question.objects.create(practice=owner.practice, email=owner.email, asked_at=now)
        _queue(question, "ask")
        asked += 1
    return Run(asked=asked, reminded=reminded, waiting=waiting)


def _answer(question, answer, submission=None):
    question.answer, question.answered_at = answer, timezone.now()
    question.submission = submission
    question.save(update_fields=["answer", "answered_at", "submission"])


def _locked(question):
    """The question, locked; None once it has its answer (a second click changes nothing)."""
    locked = Question.objects.select_for_update().get(pk=question.pk)
    return None if locked.answer else locked


@transaction.atomic
def confirm_still_right(*, question):
    """ "Klopt nog": the sheet counts as reviewed today, with a revision that says who said so."""
    locked = _locked(question)
    if locked is None:
        return False
    mark_reviewed(
        practices=Practice.objects.filter(pk=locked.practice_id),
        editor=None,
        comment="Bevestigd door de eigenaar (‘Klopt dit nog?’).",
    )
    _answer(locked, Question.Answer.STILL_RIGHT)
    return True


def _owner_fields(question):
    owner = Owner.objects.filter(practice_id=question.practice_id).first()
    return {
        "submitter_name": (owner.name if owner and owner.name else question.email)[:150],
        "submitter_organisation": OWNER_ORGANISATION,
        "submitter_email": question.email,
        "from_owner": True,
    }


@transaction.atomic
def report_change(*, question, fields, address):
    """ "Er is iets veranderd": the owner's version of the sheet goes to the queue as a
    suggested change marked as coming from the owner."""
    locked = _locked(question)
    if locked is None:
        return None
    submission = suggest_change(
        practice=locked.practice,
        fields={**fields, **_owner_fields(locked)},
        address=address,
        rate_limited=False,
    )
    _answer(locked, Question.Answer.CHANGED, submission)
    return submission


@transaction.atomic
def report_ended(*, question, how, year, reason, lessons, address):
    """ "Loopt niet meer": how it ended (Practice.LifeStatus: finished or stopped), the year,
    and why and what they learned go to the queue as a proposal for the sheet's life; the
    editors apply it (submissions.proposals) or not."""
    locked = _locked(question)
    if locked is None:
        return None
    stopped = how == Practice.LifeStatus.STOPPED
    lines = [f"De praktijk {'werd stopgezet' if stopped else 'liep af'} in {year}."]
    if reason:
        lines += ["", "Waarom:", reason]
    if lessons:
        lines += ["", "Wat we leerden:", lessons]
    submission = suggest_change(
        practice=locked.practice,
        fields={
            "part": Submission.Part.GENERAL,
            "message": "\n".join(lines),
            "life_status": how,
            "ended_year": year,
            "end_reason": reason if stopped else "",
            "lessons": lessons,
            **_owner_fields(locked),
        },
        address=address,
        rate_limited=False,
    )
    _answer(locked, Question.Answer.ENDED, submission)
    return submission


def stop_asking(*, question):
    """The owner wants no more "Klopt dit nog?" mails for this sheet."""
    Owner.objects.filter(practice_id=question.practice_id, opted_out_at__isnull=True).update(
        opted_out_at=timezone.now()
    )
