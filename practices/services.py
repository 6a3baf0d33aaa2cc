"""Writes on practices that the admin and the submissions app share."""

import reversion


def record_revisions(*, practices, user, comment):
    """Record the current state of these practices in their history, one revision each."""
    for practice in practices.model.objects.filter(pk__in=practices.values("pk")):
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(comment)
            reversion.add_to_revision(practice)
