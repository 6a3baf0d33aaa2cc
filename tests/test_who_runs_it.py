"""The site says who runs it; the privacy notice names the controller, purposes, legal basis,
retention, rights and the complaint route; the accessibility statement its evaluation."""

import pytest

pytestmark = pytest.mark.django_db


def test_every_page_names_who_made_the_databank(client):
    html = client.get("/toegankelijkheid/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Agentschap Binnenlands Bestuur" in footer


def test_the_privacy_notice_is_complete(client, settings):
    settings.DATA_CONTROLLER = "Stad Voorbeeld"
    settings.DATA_CONTROLLER_EMAIL = "privacy@voorbeeld.be"
    settings.DATA_PROTECTION_OFFICER_EMAIL = "dpo@voorbeeld.be"
    settings.SUPERVISORY_AUTHORITY = "Gegevensbeschermingsautoriteit"
    settings.SUPERVISORY_AUTHORITY_URL = "https://www.gegevensbeschermingsautoriteit.be"
    html = client.get("/privacy/").content.decode()
    assert "Verwerkingsverantwoordelijke is het <strong>Stad Voorbeeld</strong>" in html
    assert "mailto:privacy@voorbeeld.be" in html and "mailto:dpo@voorbeeld.be" in html
    assert "artikel 6, lid 1, e" in html  # public task: submissions
    assert "artikel 6, lid 1, a" in html  # consent: alerts
    for right in ["in te zien", "verbeteren", "wissen", "beperken", "bezwaar", "intrekken"]:
        assert right in html
    assert (
        '<a href="https://www.gegevensbeschermingsautoriteit.be">Gegevensbeschermingsautoriteit'
        in html
    )
    assert "maanden nadat de redactie" in html  # retention


def test_the_accessibility_statement_has_its_evaluation_and_complaint_route(client):
    html = client.get("/toegankelijkheid/").content.decode()
    assert "Laatste evaluatie:" in html and 'datetime="2026-12-01"' in html
    assert "axe-core" in html and "toetsenbord" in html
    assert "Vlaamse Ombudsdienst" in html
