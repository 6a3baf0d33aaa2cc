from django.urls import reverse

from adoptions.models import Adoption
from submissions.dashboard import Item


def adoption_items(*, today):
    return [
        Item(
            "Meldingen ‘Wij doen dit ook’ om na te kijken",
            Adoption.objects.filter(status=Adoption.Status.NEW).count(),
            reverse("admin:adoptions_adoption_changelist") + "?status__exact=new",
            "melding ‘Wij doen dit ook’ om na te kijken",
        )
    ]
