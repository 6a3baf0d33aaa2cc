"""The searches without results on the editors' dashboard and in the weekly digest."""

from django.urls import reverse

from insights.services import searched
from submissions.dashboard import Item


def insight_items(*, today):
    return [
        Item(
            "Zoekopdrachten zonder resultaat (30 dagen)",
            len(searched(days=30, without_results=True, today=today)),
            reverse("insights:searches") + "?periode=30",
            "zoekopdracht zonder resultaat (30 dagen)",
        )
    ]
