"""Random and hostile input on every GET parameter and every form field: never a 5xx, and
markup always comes back escaped, the admin included (property-based, Hypothesis)."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from submissions.models import Submission
from tests.factories import ActionFactory, MunicipalityFactory, PracticeFactory
from tests.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "{{ 7*7 }}{% debug %}",
    "../../etc/passwd",
    "\x00\x01\x1b[31m",
    "ﷺ" * 50,
    "9" * 40,
    "-1",
    "%",
    "",
]
# Text a browser can send: any character but lone surrogates (not encodable in a URL or form).
TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300)
VALUE = st.one_of(st.sampled_from(PAYLOADS), TEXT)
SEARCH_PARAMS = [
    "q", "categorie", "doelgroep", "gemeente", "provincie", "beleidsdomein", "actie", "tag",
    "sorteer", "pagina", "alle", "verzonden", "x",
]  # fmt: skip
PATHS = [
    "/",
    "/praktijken/",
    "/praktijken/hostile/",
    "/categorie/hostile/",
    "/plan-samenleven/",
    "/plan-samenleven/actie-2/",
    "/fiche-indienen/",
    "/praktijken/hostile/wijziging-voorstellen/",
    "/toegankelijkheid/",
    "/privacy/",
    "/gezondheid/",
]
HYPOTHESIS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def data():
    practice = PracticeFactory(slug="hostile", places=[MunicipalityFactory()])
    practice.category.slug = "hostile"
    practice.category.save()
    practice.actions.add(ActionFactory(number=2))


def no_raw_markup(html):
    return "<script>alert(1)</script>" not in html and "<img src=x onerror" not in html


@HYPOTHESIS
@given(
    path=st.sampled_from(PATHS),
    params=st.lists(st.tuples(st.sampled_from(SEARCH_PARAMS), VALUE), max_size=8),
)
def test_get_parameters_never_break_a_page(data, path, params):
    response = Client().get(path, params)
    assert response.status_code < 500, (path, params)
    assert no_raw_markup(response.content.decode(errors="replace"))


SUBMIT_FIELDS = [
    "title", "summary", "description", "category", "goals", "target_groups",
    "success_factors", "challenges", "policy_domains", "actions", "photo_alt", "photo_credit",
    "submitter_name", "submitter_organisation", "submitter_email", "submitter_phone", "privacy",
    "website", "gemeenten-TOTAL_FORMS", "gemeenten-INITIAL_FORMS", "gemeenten-0-municipality_name",
    "gemeenten-0-description", "gemeenten-0-contact_email", "gemeenten-0-contact_url",
    "links-TOTAL_FORMS", "links-INITIAL_FORMS", "links-0-title", "links-0-url",
]  # fmt: skip


@HYPOTHESIS
@given(fields=st.dictionaries(st.sampled_from(SUBMIT_FIELDS), VALUE, max_size=len(SUBMIT_FIELDS)))
def test_the_submission_form_survives_anything(data, fields):
    client = Client(REMOTE_ADDR="10.9.8.7")
    Submission.objects.all().delete()  # keep under the rate limit
    response = client.post("/fiche-indienen/", fields)
    assert response.status_code in (200, 302), fields
    assert no_raw_markup(response.content.decode(errors="replace"))


@HYPOTHESIS
@given(fields=st.dictionaries(st.sampled_from(["message", *SUBMIT_FIELDS[10:18]]), VALUE))
def test_the_change_form_survives_anything(data, fields):
    Submission.objects.all().delete()
    response = Client().post("/praktijken/hostile/wijziging-voorstellen/", fields)
    assert response.status_code in (200, 302), fields
    assert no_raw_markup(response.content.decode(errors="replace"))


def test_submitted_markup_is_escaped_on_every_page_that_shows_it(editor):
    payload = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    submission = SubmissionFactory(
        title=payload, summary=payload, description=payload, submitter_name=payload,
        submitter_organisation=payload, goals=[payload], internal_notes=payload,
    )  # fmt: skip
    practice = PracticeFactory(title=payload, summary=payload, description=payload, slug="xss")
    practice.tags.add(payload[:90])
    pages = [
        submission.get_absolute_url(),
        practice.get_absolute_url(),
        "/praktijken/?q=script",
        "/beheer/submissions/submission/",
        f"/beheer/submissions/submission/{submission.pk}/change/",
        "/beheer/practices/practice/",
        f"/beheer/practices/practice/{practice.pk}/change/",
        f"/beheer/practices/practice/{practice.pk}/history/",
    ]
    for path in pages:
        response = editor.get(path)
        assert response.status_code == 200, path
        assert no_raw_markup(response.content.decode()), path


@pytest.mark.parametrize(
    "path",
    [
        "/plan-samenleven/actie-99999999999999999999999/",
        "/plan-samenleven/actie-9223372036854775808/",
        "/praktijken/?pagina=99999999999999999999999",
        "/beheer/practices/practice/99999999999999999999999/change/",
        "/beheer/submissions/submission/?assigned_to__id__exact=99999999999999999999",
    ],
)
def test_huge_numbers_in_urls_are_not_found_not_a_server_error(editor, path):
    assert editor.get(path).status_code in (200, 302, 404)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "٣", "①", "22²"])
def test_an_action_number_in_other_digits_is_ignored_with_a_notice(client, value):
    # str.isdigit() accepts superscripts and other scripts' digits; int() refuses some.
    for url in ("/praktijken/", "/api/v1/praktijken/"):
        assert client.get(url, {"actie": value}).status_code == 200
