"""The mails of a 'Wij doen dit ook': received (to the sender), to the editors, decided."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import Truncator

from adoptions.models import Adoption
from config.links import absolute_url

SUBJECTS = {
    "received": "‘Wij doen dit ook’ voor ‘{title}’ is ontvangen – Databank Sociale Samenhang",
    "to_editors": "Wij doen dit ook: {town} voor ‘{title}’",
    "decided": "‘Wij doen dit ook’ voor ‘{title}’: {status} – Databank Sociale Samenhang",
}


@task
def send_adoption_mail(adoption_id, kind):
    adoption = (
        Adoption.objects.select_related("practice", "municipality").filter(pk=adoption_id).first()
    )
    if adoption is None:
        return
    title = Truncator(adoption.practice.title).chars(80)
    context = {
        "adoption": adoption,
        "sheet_url": absolute_url(adoption.practice.get_absolute_url()),
        "admin_url": absolute_url(reverse("admin:adoptions_adoption_change", args=[adoption.pk])),
    }
    to = [settings.EDITORS_EMAIL] if kind == "to_editors" else [adoption.contact_email]
    EmailMessage(
        SUBJECTS[kind].format(
            title=title,
            town=adoption.municipality.name,
            status=adoption.get_status_display().lower(),
        ),
        render_to_string(f"adoptions/email/{kind}.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        to,
        reply_to=[adoption.contact_email] if kind == "to_editors" else [settings.EDITORS_EMAIL],
    ).send()
