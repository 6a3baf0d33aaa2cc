"""Amounts and dates as Flemish readers write them."""

import pytest
from django.template import Context, Template

from practices.models.dates import partial_date_label
from practices.templatetags.practice_tags import euro


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(25000, "€\xa025.000"), (1500000, "€\xa01.500.000"), (750, "€\xa0750"), (None, ""), ("x", "")],
)
def test_euro(amount, shown):
    assert euro(amount) == shown


@pytest.mark.parametrize(
    ("parts", "shown"),
    [
        ((2019, 3, 26), "26 maart 2019"),
        ((2019, 3, None), "maart 2019"),
        ((None, 5, 25), "25 mei"),
        ((2019, None, None), "2019"),
        ((None, None, None), "niet gedateerd"),
    ],
)
def test_partial_dates(parts, shown):
    assert partial_date_label(*parts) == shown


def test_django_dates_are_dutch():
    import datetime

    rendered = Template('{{ day|date:"j F Y" }}').render(
        Context({"day": datetime.date(2019, 3, 26)})
    )
    assert rendered == "26 maart 2019"


@pytest.mark.django_db
def test_the_privacy_box_comes_before_its_sentence_without_a_colon(client):
    html = client.get("/fiche-indienen/").content.decode()
    assert (
        '<label class="checkbox-label" for="id_privacy"><input type="checkbox" name="privacy" '
        'required id="id_privacy"> Ik heb de privacyverklaring hierboven gelezen</label>'
    ) in html
    assert "hierboven gelezen:" not in html
    refused = client.post("/fiche-indienen/", {"title": "x"}).content.decode()
    assert "Vink aan dat je de privacyverklaring gelezen hebt." in refused
