"""A practice's life (issue 26, item 3): loopt, afgelopen (year), gestopt (year, why, lessons)
or not known; on the sheet, the cards, the facet, the compare table; from the submission form
and the owner's 'Loopt niet meer' through moderation to the sheet, the export and the API; in
the import; and kept true by the database."""

import csv
import io

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from imports.services import apply_import, check_import, start_import
from owners.services import report_ended
from practices.models import Practice
from submissions.models import Submission
from submissions.proposals import apply_proposal
from submissions.services import accept_submission
from tests.factories import MunicipalityFactory, PracticeFactory
from tests.test_submit_practice import valid_data

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:results")


@pytest.fixture
def practices():
    genk = MunicipalityFactory(name="Genk")
    return {
        "running": PracticeFactory(
            title="Buurtsoep", slug="buurtsoep", life_status="loopt", places=[genk]
        ),
        "finished": PracticeFactory(
            title="Zomerplein",
            slug="zomerplein",
            life_status="afgelopen",
            ended_year=2022,
            lessons="Start vroeger in het voorjaar.",
            places=[genk],
        ),
        "stopped": PracticeFactory(
            title="Fietsatelier",
            slug="fietsatelier",
            life_status="gestopt",
            ended_year=2021,
            end_reason="De subsidie hield op.",
            lessons="Zoek een tweede financier.",
            places=[genk],
        ),
        "unknown": PracticeFactory(title="Taalcafé", slug="taalcafe", places=[genk]),
    }


def test_the_sheet_says_at_the_top_whether_it_still_runs(client, practices):
    html = client.get("/praktijken/fietsatelier/").content.decode()
    assert ">Gestopt in 2021</a>." in html
    assert "Waarom ze stopte</dt><dd>De subsidie hield op.</dd>" in html
    assert "Wat ze leerden</dt><dd>Zoek een tweede financier.</dd>" in html
    assert html.index("Gestopt in 2021") < html.index("Onderbouwing")
    assert ">Afgelopen in 2022</a>" in client.get("/praktijken/zomerplein/").content.decode()
    unknown = client.get("/praktijken/taalcafe/").content.decode()
    assert "niet gekend: geen bron zegt of de praktijk nog loopt" in unknown


@pytest.mark.parametrize("query", ["", "praktijk"])
def test_the_search_counts_filters_and_marks_the_ended_ones(client, practices, query):
    for practice in practices.values():
        Practice.objects.filter(pk=practice.pk).update(summary="Een praktijk in Genk.")
    words = {"q": query} if query else {}
    response = client.get(SEARCH, words)
    status = next(g for g in response.context["results"].facets if g.param == "status")
    counts = {value.key: value.count for value in status.values}
    assert counts == {"onbekend": 1, "loopt": 1, "afgelopen": 1, "gestopt": 1}
    html = response.content.decode()
    assert html.count('class="card__ended"') == 2  # everything is found, the ended say so
    assert "Gestopt in 2021" in html and "Afgelopen in 2022" in html
    ended = client.get(SEARCH, {**words, "status": ["afgelopen", "gestopt"]})
    titles = sorted(p.title for p in ended.context["page"].object_list)
    assert titles == ["Fietsatelier", "Zomerplein"]
    assert "Status: Gestopt" in ended.content.decode()  # the chip


def test_the_compare_table_and_the_api_carry_it(client, practices):
    compare = client.get("/bewaarlijst/vergelijk/", {"fiche": ["fietsatelier", "taalcafe"]})
    html = compare.content.decode()
    assert "Loopt ze nog?</th><td>Gestopt in 2021</td><td>Niet gekend</td>" in html
    listed = client.get("/api/v1/praktijken/", {"status": "gestopt"}).json()
    assert [(p["title"], p["life_status"], p["ended_year"]) for p in listed["results"]] == [
        ("Fietsatelier", "gestopt", 2021)
    ]
    detail = client.get("/api/v1/praktijken/fietsatelier/").json()
    assert detail["end_reason"] == "De subsidie hield op."
    assert detail["lessons"] == "Zoek een tweede financier."


@pytest.mark.parametrize(
    "changes",
    [
        {"life_status": "gestopt", "ended_year": None},  # ended without a year
        {"life_status": "loopt", "ended_year": 2020},  # a year without an end
        {"life_status": "afgelopen", "ended_year": 2020, "end_reason": "Waarom"},  # not stopped
        {"life_status": "bijna"},
    ],
)
def test_the_database_keeps_it_true(practices, changes):
    with pytest.raises(IntegrityError), transaction.atomic():
        Practice.objects.filter(pk=practices["running"].pk).update(**changes)


def test_the_admin_names_the_problem_next_to_the_field(editor, practices):
    from tests.test_admin_practices import practice_form

    data = practice_form(life_status="gestopt", ended_year="", end_reason="Geen geld")
    response = editor.post(reverse("admin:practices_practice_add"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geef het jaar waarin de praktijk afliep of stopte." in html
    assert "Geen geld" in html  # nothing typed is lost


def test_from_the_submission_form_to_the_sheet_the_export_and_the_api(
    client, editor_user, django_capture_on_commit_callbacks
):
    MunicipalityFactory(name="Lokeren")
    bad = client.post(
        reverse("submissions:submit_practice"),
        valid_data(life_status="gestopt", lessons="Meer vrijwilligers zoeken"),
    )
    assert bad.status_code == 200
    assert "Geef het jaar waarin de praktijk afliep of stopte." in bad.content.decode()
    assert "Meer vrijwilligers zoeken" in bad.content.decode()
    assert not Submission.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            reverse("submissions:submit_practice"),
            valid_data(
                life_status="gestopt",
                ended_year="2024",
                end_reason="Het park werd heraangelegd.",
                lessons="Meer vrijwilligers zoeken",
            ),
        )
    assert sent.status_code == 302
    submission = Submission.objects.get()
    practice = accept_submission(submission=submission, editor=editor_user)
    assert (practice.life_status, practice.ended_year) == ("gestopt", 2024)
    assert practice.end_reason == "Het park werd heraangelegd."
    Practice.objects.filter(pk=practice.pk).update(
        status="published", published_at=practice.created_at
    )
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "Gestopt in 2024" in html and "Het park werd heraangelegd." in html
    export = client.get("/praktijken/export.csv")
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    (row,) = [r for r in rows if r["Titel"] == "Buurtmoestuin De Linde"]
    assert (row["Loopt ze nog?"], row["Afgelopen of gestopt in"]) == ("Gestopt", "2024")
    assert row["Waarom gestopt"] == "Het park werd heraangelegd."
    assert row["Wat ze leerden"] == "Meer vrijwilligers zoeken"
    api = client.get(f"/api/v1/praktijken/{practice.slug}/").json()
    assert (api["life_status"], api["ended_year"]) == ("gestopt", 2024)


def test_the_owner_s_loopt_niet_meer_is_applied_by_the_editors(practices, editor_user):
    from owners.models import Question

    running = practices["running"]
    question = Question.objects.create(practice=running, email="eigenaar@genk.example")
    submission = report_ended(
        question=question,
        how="gestopt",
        year=2025,
        reason="Geen vrijwilligers meer.",
        lessons="Vroeger opvolging zoeken.",
        address="203.0.113.9",
    )
    apply_proposal(submission=submission, editor=editor_user, parts=["life"])
    running.refresh_from_db()
    assert running.life_label == "Gestopt in 2025"
    assert running.end_reason == "Geen vrijwilligers meer."
    assert running.lessons == "Vroeger opvolging zoeken."


def checked(content, editor):
    return check_import(run=start_import(file_name="x.csv", content=content, editor=editor))


def test_the_import_reads_it_and_names_a_bad_year(practices, editor_user):
    def rows_file(rows):
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows(rows)
        return out.getvalue().encode()

    header = ["Webadres", "Titel", "Samenvatting", "Loopt ze nog?", "Afgelopen of gestopt in"]
    good = [header, ["taalcafe", "Taalcafé", "Kort.", "Afgelopen", "2023"]]
    run = check_import(
        run=start_import(file_name="x.csv", content=rows_file(good), editor=editor_user)
    )
    assert run.report["counts"]["changed"] == 1
    assert apply_import(run=run, editor=editor_user)
    assert Practice.objects.get(slug="taalcafe").life_label == "Afgelopen in 2023"
    bad = [header, ["taalcafe", "Taalcafé", "Kort.", "Gestopt", "vorig jaar"]]
    run = check_import(
        run=start_import(file_name="x.csv", content=rows_file(bad), editor=editor_user)
    )
    (row,) = run.report["rows"]
    assert row["errors"][0]["message"] == "‘vorig jaar’ is geen jaartal (bv. 2021)."


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"life_status": "afgelopen", "ended_year": "vorig jaar"}, "Vul een jaar in, zoals 2024."),
        ({"life_status": "gestopt", "ended_year": "1800"}, "Vul een jaar in na 1950."),
        ({"life_status": "loopt", "ended_year": "2020"}, "Een jaar hoort alleen bij"),
        ({"life_status": "afgelopen", "ended_year": "2020", "end_reason": "Op"}, "hoort alleen"),
        ({"life_status": "bijna"}, "Selecteer een geldige keuze"),
    ],
)
def test_odd_answers_get_a_message_by_the_field(client, changes, message):
    MunicipalityFactory(name="Lokeren")
    response = client.post(reverse("submissions:submit_practice"), valid_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Submission.objects.exists()


def test_the_map_counts_the_ended_ones_per_area(client, practices):
    figures = client.get("/kaart/").context["figures"]
    (genk,) = [area for area in figures.areas if area.count]
    assert (genk.count, genk.ended) == (4, 2)
    html = client.get("/kaart/").content.decode()
    assert "Afgelopen of gestopt</th>" in html
