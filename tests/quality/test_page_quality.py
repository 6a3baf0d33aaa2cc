"""Lighthouse (accessibility, best practices and SEO at 100, layout shift at most 0.05),
pa11y (axe and HTML_CodeSniffer, WCAG 2 AA) and the Nu Html Checker: clean on every kind of
public page. Each checker runs as it would for anyone, on the live test server."""

import json
import subprocess
import urllib.request

import pytest

from owners.models import Question
from practices.models import Practice
from tests import decided_sheet
from tests.quality.conftest import CHROMIUM, LIGHTHOUSE, PA11Y, VNU

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "home": "/",
    "search": "/praktijken/?q=jongeren&provincie=limburg",
    "search-nothing": "/praktijken/?q=eenzaamheid+senioren",
    "sheet": "/praktijken/pleinpatrons/",
    "sheet-without-contact": "/praktijken/talim/",
    "sheet-decided": decided_sheet.PATH,  # life, 'Aan de slag', an assessment
    "category": "/categorie/sociale-cohesie/",
    "action": "/plan-samenleven/actie-2/",
    "event": "/activiteiten/inspiratiedag-plan-samenleven/",
    "organisation": "/organisaties/agentschap-integratie-en-inburgering/",
    "about": "/over/",
    "submit-form": "/fiche-indienen/",
    "suggest-change": "/praktijken/omstaandertraining/wijziging-voorstellen/",
    "ask-the-editors": "/praktijken/talim/vraag/",
    "we-do-this-too": "/praktijken/pleinmakers/wij-ook/",
    "privacy": "/privacy/",
    "map": "/kaart/",
    "compare": "/bewaarlijst/vergelijk/?fiche=pleinmakers&fiche=curant-cohousing-project",
    "open-data": "/open-data/",
}
LIGHTHOUSE_PAGES = ["home", "search", "sheet", "submit-form"]


def run(command, timeout=180):
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    return done.stdout, done.stderr


def test_the_nu_html_checker_finds_no_error(site, tmp_path):
    files = []
    for name, path in PAGES.items():
        with urllib.request.urlopen(site + path) as response:
            (tmp_path / f"{name}.html").write_bytes(response.read())
        files.append(str(tmp_path / f"{name}.html"))
    _, report = run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files])
    errors = json.loads(report)["messages"]
    assert errors == [], json.dumps(errors, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("name", PAGES)
def test_pa11y_finds_no_error(site, tmp_path, name):
    config = tmp_path / "pa11y.json"
    config.write_text(
        json.dumps(
            {
                "chromeLaunchConfig": {
                    "executablePath": CHROMIUM,
                    "args": ["--no-sandbox", "--headless=new"],
                },
                "standard": "WCAG2AA",
                "runners": ["axe", "htmlcs"],
                "timeout": 60000,
            }
        )
    )
    report, problems = run(
        [str(PA11Y), "--config", str(config), "--reporter", "json", site + PAGES[name]]
    )
    issues = json.loads(report or "null")
    assert issues is not None, problems
    # axe's "needs review" (it cannot tell a colour behind an SVG map label) is not a
    # failure: tests/test_map.py holds every label colour to 4.5:1 against its area.
    errors = [
        issue
        for issue in issues
        if issue["type"] == "error" and not issue.get("runnerExtras", {}).get("needsFurtherReview")
    ]
    assert errors == [], json.dumps(errors, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("name", LIGHTHOUSE_PAGES)
def test_lighthouse_scores_100_and_nothing_shifts(site, tmp_path, name):
    output = tmp_path / "lighthouse.json"
    command = [
        str(LIGHTHOUSE),
        site + PAGES[name],
        "--quiet",
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox",
        "--only-categories=accessibility,best-practices,seo,performance",
        "--output=json",
        f"--output-path={output}",
    ]
    # An audit Lighthouse could not run (score None: its gatherer or the trace failed, seen on
    # a loaded CI machine, twice in a row once) is run again, up to three runs in all; a score
    # below 1 is a finding, never retried.
    for _ in range(3):
        _, problems = run(command, timeout=240)
        assert output.exists(), problems
        report = json.loads(output.read_text())
        if all(report["categories"][key]["score"] is not None for key in report["categories"]):
            break
    scores = {key: category["score"] for key, category in report["categories"].items()}
    failing = [
        (key, ref["id"], audit["title"], audit.get("errorMessage"))
        for key in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][key]["auditRefs"]
        if ref["weight"] and ((audit := report["audits"][ref["id"]])["score"] or 0) < 1
    ]
    assert (scores["accessibility"], scores["best-practices"], scores["seo"]) == (1, 1, 1), failing
    assert report["audits"]["cumulative-layout-shift"]["numericValue"] <= 0.05


def test_the_owner_s_page_is_clean_too(site, tmp_path):
    practice = Practice.objects.get(slug="pleinmakers")
    question = Question.objects.create(practice=practice, email="socialecohesie@mechelen.be")
    with urllib.request.urlopen(site + question.link()) as response:
        (tmp_path / "owner.html").write_bytes(response.read())
    _, report = run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            str(tmp_path / "owner.html"),
        ]
    )
    assert json.loads(report)["messages"] == []
