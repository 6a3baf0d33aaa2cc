"""Writes on practices that the admin and the submissions app share."""

import reversion
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
