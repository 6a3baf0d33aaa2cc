"""The question's two mails: to the editors (Reply-To: the asker) and a copy to the asker."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils.text import Truncator

from config.links import absolute_url
from enquiries.models import Enquiry


@task
def send_enquiry(enquiry_id):
    enquiry = Enquiry.objects.select_related("practice").filter(pk=enquiry_id).first()
    if enquiry is None or enquiry.sent_at:
        return
    context = {
        "enquiry": enquiry,
        "practice": enquiry.practice,
        "sheet_url": absolute_url(enquiry.practice.get_absolute_url()),
        "editors_email": settings.EDITORS_EMAIL,
    }
    title = Truncator(enquiry.practice.title).chars(80)
    EmailMessage(
        f"Vraag over ‘{title}’ via de Databank Sociale Samenhang",
        render_to_string("enquiries/email/to_editors.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [settings.EDITORS_EMAIL],
        reply_to=[enquiry.email],
    ).send()
    EmailMessage(
        f"Je vraag over ‘{title}’ is bij de redactie – Databank Sociale Samenhang",
        render_to_string("enquiries/email/copy.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [enquiry.email],
        reply_to=[settings.EDITORS_EMAIL],
        headers={"Auto-Submitted": "auto-replied"},
    ).send()
    enquiry.forget()
