"""The admin an editor uses speaks Dutch: no English UI text on its pages or in its scripts.

Django 6.1 and the apps leave some strings untranslated; locale/nl supplies them."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from imports.services import check_import, start_import
from practices.models import Event, Practice, Session
from tests.submission_factories import SubmissionFactory, SubmittedPlaceFactory

pytestmark = pytest.mark.django_db

# English UI text Django's admin and the apps can show; words in our Dutch data never match.
ENGLISH = re.compile(
    r"\b(Search|Filter by|Pagination|Select an option|Today|Yesterday|Tomorrow|Note:|"
    r"Add another|Save and|History|Home|Log ?out|View site|Show all|Clear all filters|"
    r"Any date|Past 7 days|This month|This year|Unknown|Action:|Run the selected|"
    r"Choose|Midnight|Noon|Calendar|Welcome|Recent actions|My actions|None available|"
    r"Change password|Toggle theme|Skip to main content|Merge selected|Taggit|entries|"
    r"results|selected|Sorting|Available|Chosen|Remove|Delete|Change|Add)\b"
)
HIDDEN = re.compile(r"<(script|style|svg)\b.*?</\1>", re.DOTALL)
ATTRIBUTES = re.compile(r'\b(?:placeholder|title|aria-label|alt|data-[\w-]+)="([^"]*)"')


def visible_text(html):
    html = HIDDEN.sub(" ", html)
    return " ".join([re.sub(r"<[^>]+>", " ", html), *ATTRIBUTES.findall(html)])


def english_in(text):
    return sorted({match.group(0) for match in ENGLISH.finditer(text)})


def checked_import():
    content = b"Titel;Samenvatting;Doelgroepen\nNieuw;Kort.;Marsmannetjes\n"
    run = start_import(file_name="fiches.csv", content=content, editor=None)
    return check_import(run=run)


def pages():
    practice = Practice.objects.get(slug="12work")
    submission = SubmissionFactory()
    SubmittedPlaceFactory(submission=submission)
    event = Event.objects.first()
    session = Session.objects.first()
    return [
        reverse("admin:index"),
        reverse("admin:practices_practice_changelist"),
        reverse("admin:practices_practice_changelist") + "?q=jongeren&status__exact=published",
        reverse("admin:practices_practice_change", args=[practice.pk]),
        reverse("admin:practices_practice_add"),
        reverse("admin:practices_practice_history", args=[practice.pk]),
        reverse("admin:submissions_submission_changelist"),
        reverse("admin:submissions_submission_change", args=[submission.pk]),
        reverse("admin:practices_event_change", args=[event.pk]),
        reverse("admin:practices_session_change", args=[session.pk]),
        reverse("admin:practices_municipality_changelist"),
        reverse("admin:practices_action_changelist"),
        reverse("admin:taggit_tag_changelist"),
        reverse("admin:password_change"),
        reverse("imports:start"),
        reverse("imports:run", args=[checked_import().pk]),
    ]


def test_the_pages_an_editor_uses_have_no_english(editor):
    call_command("seed", verbosity=0)
    found = {}
    for url in pages():
        response = editor.get(url)
        assert response.status_code == 200, url
        words = english_in(visible_text(response.content.decode()))
        if words:
            found[url] = words
    assert found == {}


def test_the_admin_scripts_speak_dutch(editor):
    catalog = editor.get(reverse("admin:jsi18n")).content.decode()
    for english, dutch in [
        ("Today (%(date)s)", "Vandaag (%(date)s)"),
        ("Note: Enter times in the %(timezone)s timezone.", "Let op: geef tijden op"),
    ]:
        assert dutch in catalog, english


def test_the_detector_finds_what_the_editors_reported():
    reported = "Search praktijken · Filter by bijgewerkt · - Select an option - · Pagination"
    assert english_in(reported) == ["Filter by", "Pagination", "Search", "Select an option"]


# What a superuser sees as well, and the names Django makes up.
MADE_UP = re.compile(
    r"\b(\w+ object \(\d+\)|Can (?:add|change|delete|view)|Access attempts?|Attempt Time|"
    r"Access logs?|User Agent|Locked Out|relatie)\b"
)


@pytest.fixture
def superuser(client, db):
    from tests.factories import UserFactory

    user = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def test_the_delete_confirmation_names_things_an_editor_knows(editor):
    call_command("seed", verbosity=0)
    practice = Practice.objects.get(slug="12work")
    html = editor.get(reverse("admin:practices_practice_delete", args=[practice.pk])).content
    text = visible_text(html.decode())
    assert MADE_UP.findall(text) == []
    assert "Gemeente waar de praktijk loopt" in text  # what goes with it is still listed


def test_the_superusers_screens_for_accounts_and_lock_outs_are_dutch(superuser):
    from axes.models import AccessAttempt
    from django.contrib.auth.models import Group

    AccessAttempt.objects.create(
        username="els", ip_address="127.0.0.1", user_agent="x", failures_since_start=2
    )
    group = Group.objects.get(name="Redacteurs")
    for url in [
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:axes_accesslog_changelist"),
        reverse("admin:auth_group_change", args=[group.pk]),
    ]:
        response = superuser.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        assert MADE_UP.findall(text) == [], url
    html = superuser.get(reverse("admin:auth_group_change", args=[group.pk])).content.decode()
    assert "Praktijken | Mag praktijk toevoegen" in html


def test_the_date_filter_writes_months_in_lower_case(editor):
    submission = SubmissionFactory()
    year, month = submission.created_at.year, submission.created_at.month
    url = reverse("admin:submissions_submission_changelist")
    by_year = editor.get(url, {"created_at__year": year}).content.decode()
    months = re.findall(r">\s*(\w+) \d{4}\s*<", by_year)
    assert months and all(name == name.lower() for name in months), months
    day = submission.created_at.day
    by_day = editor.get(
        url, {"created_at__year": year, "created_at__month": month, "created_at__day": day}
    )
    assert re.search(r"&lsaquo; [a-z]+ \d{4}</a>", by_day.content.decode())  # back to the month


def test_an_empty_value_reads_as_a_word_not_a_dash(editor):
    from practices.models import Source

    Source.objects.create(title="Een bron zonder datum", kind="fiche")
    html = editor.get(reverse("admin:practices_source_changelist")).content.decode()
    assert ">-<" not in html and "(leeg)" in html
