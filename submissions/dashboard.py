"""What the editors should look at: the dashboard on the admin index and the weekly digest.

Every item is a count with the admin list that shows those rows, so that a number is always
one click from the work it stands for. A handful of COUNT queries, whatever the data size."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from practices.models import Practice
from submissions.models import Submission

RECENT_DAYS = 7

# Counts that other apps add (owners/: owners to ask, owners who do not answer), registered
# from their AppConfig.ready(), so that this module imports none of them.
MORE_ITEMS = []


def register(items):
    """Add `items(today=...)`, a function returning a list of Items, to the dashboard."""
    MORE_ITEMS.append(items)
    return items


@dataclass(frozen=True)
class Item:
    label: str  # as a heading, plural: 'Nieuwe inzendingen'
    count: int
    url: str
    one: str = ""  # after the number 1: 'nieuwe inzending'

    @property
    def phrase(self):
        """What follows the count: '1 nieuwe inzending', '3 nieuwe inzendingen'."""
        if self.count == 1 and self.one:
            return self.one
        return self.label[:1].lower() + self.label[1:]


def _url(name, **params):
    return f"{reverse(name)}?{urlencode(params)}" if params else reverse(name)


def dashboard_items(*, user=None, today=None):
    """The editors' to-do counts; 'assigned to me' only when there is a user."""
    today = today or timezone.localdate()
    submissions = "admin:submissions_submission_changelist"
    practices = "admin:practices_practice_changelist"
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    items = [
        Item(
            "Nieuwe inzendingen",
            Submission.objects.filter(status=Submission.Status.NEW).count(),
            _url(submissions, status__exact=Submission.Status.NEW),
            "nieuwe inzending",
        ),
    ]
    if user is not None:
        items.append(
            Item(
                "Aan mij toegewezen en nog open",
                Submission.objects.open().filter(assigned_to=user).count(),
                _url(submissions, assigned_to__id__exact=user.pk),
            )
        )
    items += [
        Item(
            "Inzendingen in behandeling",
            Submission.objects.filter(status=Submission.Status.IN_REVIEW).count(),
            _url(submissions, status__exact=Submission.Status.IN_REVIEW),
            "inzending in behandeling",
        ),
        Item(
            "Gepubliceerde fiches om na te kijken",
            Practice.objects.published().review_overdue(today).count(),
            _url(practices, status__exact=Practice.Status.PUBLISHED, nakijken="te-laat"),
            "gepubliceerde fiche om na te kijken",
        ),
        Item(
            "Concepten die wachten op publicatie",
            Practice.objects.filter(status=Practice.Status.DRAFT).count(),
            _url(practices, status__exact=Practice.Status.DRAFT),
            "concept dat wacht op publicatie",
        ),
        Item(
            f"Fiches gewijzigd in de laatste {RECENT_DAYS} dagen",
            Practice.objects.filter(updated_at__gte=since).count(),
            _url(practices, gewijzigd="week"),
            f"fiche gewijzigd in de laatste {RECENT_DAYS} dagen",
        ),
    ]
    for more in MORE_ITEMS:
        items += more(today=today)
    return items
