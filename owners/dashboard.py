"""The owners' counts on the editors' dashboard and in the weekly digest."""

from django.urls import reverse
from django.utils import timezone

from owners.models import Question
from owners.services import owners_to_ask
from submissions.dashboard import Item


def owner_items(*, today):
    questions = reverse("admin:owners_question_changelist")
    owners = reverse("admin:owners_owner_changelist")
    return [
        Item(
            "Eigenaars om te vragen ‘Klopt dit nog?’",
            owners_to_ask(now=timezone.now()).count(),
            f"{owners}?te_vragen=ja",
            "eigenaar om te vragen ‘Klopt dit nog?’",
        ),
        Item(
            "Fiches waarvan de eigenaar niet antwoordt",
            Question.objects.not_answering().values("practice").distinct().count(),
            f"{questions}?toestand=antwoordt-niet",
            "fiche waarvan de eigenaar niet antwoordt",
        ),
    ]
