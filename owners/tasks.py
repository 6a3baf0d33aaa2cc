"""The "Klopt dit nog?" mails, sent by the tasks worker (see submissions.tasks)."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import Truncator

from alerts.tasks import AlertMessage  # headers as written: a one-click stop link
from insights.services import views_per_month
from owners.models import Owner, Question

SUBJECTS = {
    "ask": "Klopt dit nog? Je praktijk ‘{title}’ in de Databank Sociale Samenhang",
    "reminder": "Herinnering: klopt je praktijk ‘{title}’ nog? – Databank Sociale Samenhang",
}


@task
def send_owner_mail(question_id, kind):
    question = Question.objects.select_related("practice").filter(pk=question_id).first()
    if question is None or question.answer:
        return
    owner = Owner.objects.filter(practice_id=question.practice_id).first()
    if owner is None or owner.opted_out_at:
        return  # stopped in the meantime
    site_url = settings.SITE_URL.rstrip("/")
    token = question.token
    stop_url = site_url + reverse("owners:stop", args=[token])
    context = {
        "practice": question.practice,
        "owner": owner,
        "sheet_url": site_url + question.practice.get_absolute_url(),
        "answer_url": site_url + reverse("owners:question", args=[token]),
        "stop_url": stop_url,
        "link_days": settings.OWNER_LINK_DAYS,
        "privacy_url": site_url + reverse("submissions:privacy"),
        "views": views_per_month(question.practice, months=3),
    }
    title = question.practice.title
    AlertMessage(
        SUBJECTS[kind].format(title=Truncator(title).chars(80)),
        render_to_string(f"owners/email/{kind}.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [question.email],
        headers={
            "List-Unsubscribe": f"<{stop_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    ).send()
