import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_page_links_the_accessibility_statement_privacy_and_contact(anonymous):
    html = anonymous.get(reverse("practices:home")).content.decode()
    assert f'href="{reverse("practices:accessibility")}">Toegankelijkheid' in html
    assert f'href="{reverse("submissions:privacy")}">Privacy' in html
    assert 'href="mailto:samenleven@vvsg.be">Contact' in html


def test_the_accessibility_statement_says_what_is_tested_and_how_to_report(anonymous):
    html = anonymous.get(reverse("practices:accessibility")).content.decode()
    assert "WCAG" in html and "2.1" in html and "axe-core" in html
    assert "Een probleem melden" in html and "samenleven@vvsg.be" in html


def test_the_privacy_page_names_the_retention(anonymous, settings):
    settings.SUBMITTER_DATA_MONTHS = 6
    html = anonymous.get(reverse("submissions:privacy")).content.decode()
    assert "6 maanden" in html


def test_every_page_names_its_icon_so_browsers_do_not_ask_for_a_missing_one(anonymous):
    from django.contrib.staticfiles import finders

    html = anonymous.get(reverse("practices:home")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg"' in html
    assert finders.find("favicon.svg")
