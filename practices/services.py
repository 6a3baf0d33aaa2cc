"""Writes on practices that the admin and the submissions app share."""

import calendar
import datetime

import reversion
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone


def record_revisions(*, practices, user, comment):
    """Record the current state of these practices in their history, one revision each."""
    for practice in practices.model.objects.filter(pk__in=practices.values("pk")):
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(comment)
            reversion.add_to_revision(practice)


def mark_content_changed(*, practice):
    """Date the sheet's content as changed now (the sheet shows it; publishing does not)."""
    practice.content_changed_at = timezone.now()
    type(practice).objects.filter(pk=practice.pk).update(
        content_changed_at=practice.content_changed_at
    )


def add_months(day, months):
    """The same day `months` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due_after(day):
    return add_months(day, settings.REVIEW_INTERVAL_MONTHS)


@transaction.atomic
def mark_reviewed(*, practices, editor, on=None, comment=""):
    """The editors (or an owner) checked these sheets: date the review, set the next one, keep
    a revision."""
    on = on or timezone.localdate()
    count = practices.update(last_reviewed_on=on, review_due_on=review_due_after(on))
    comment = f"Nagekeken op {on:%d-%m-%Y}." + (f" {comment}" if comment else "")
    record_revisions(practices=practices, user=editor, comment=comment)
    return count


def record_first_revisions(*, comment):
    """A first revision for every practice that has none (after loading or importing data),
    so that its original can always be restored. Practices with history are left alone."""
    call_command("createinitialrevisions", "practices.Practice", comment=comment, verbosity=0)


def record_slug_change(*, practice, old_slug):
    """Keep the old address answering: /praktijken/<old>/ redirects to the practice."""
    from practices.models import FormerSlug

    if old_slug and old_slug != practice.slug:
        FormerSlug.objects.filter(slug=practice.slug).delete()  # the address is current again
        FormerSlug.objects.update_or_create(slug=old_slug, defaults={"practice": practice})
