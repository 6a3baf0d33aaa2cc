"""The search page writes its result cards and their shortlist forms with template tags
(search_tags.result_cards, shortlist_forms), for speed; they write what the card template
(practices/_practice_card.html, as the search page used it) and the forms' template wrote."""

import re

import pytest
from django.conf import settings
from django.template import Context, RequestContext, Template
from django.test import RequestFactory

from practices.models import Practice
from search.results import FacetGroup, FacetValue
from tests.factories import ActionFactory, MunicipalityFactory, PracticeFactory

pytestmark = pytest.mark.django_db

TEMPLATE_CARDS = Template(
    '{% for practice in practices %}{% include "practices/_practice_card.html" '
    "with shortlist_form_outside=True %}{% endfor %}"
)
TAG_CARDS = Template("{% load search_tags %}{% result_cards practices %}")
# What shortlist/_outside_forms.html wrote before the tag replaced it.
TEMPLATE_FORMS = Template(
    """<div hidden data-shortlist-forms>
  {% for practice in practices %}
  <form id="bewaar-{{ practice.slug }}" method="post"
    action="{% url 'shortlist:toggle' practice.slug %}">
    {% include "shortlist/_form_fields.html" with anchor="fiche-"|add:practice.slug %}
  </form>
  {% endfor %}
</div>"""
)
TAG_FORMS = Template("{% load search_tags %}{% shortlist_forms practices %}")


def same_html(text):
    """Whitespace between and inside tags does not show; a CSRF token is masked anew for
    every rendering."""
    text = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+"', r'\1…"', text)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", text)).strip()


@pytest.fixture
def cards():
    ended = PracticeFactory(
        title="Buurt & <co>", life_status=Practice.LifeStatus.STOPPED, ended_year=2023
    )
    full = PracticeFactory(
        title="Praat’s café “De Hoek”", summary="Samen <b>leven</b>", category=None
    )
    full.actions.add(ActionFactory(number=2), ActionFactory(number=22))
    for town in ("Gent", "Sint-Niklaas"):
        full.locations.create(municipality=MunicipalityFactory(name=town), position=0)
    plain = PracticeFactory()
    practices = list(Practice.objects.filter(pk__in=[ended.pk, full.pk, plain.pk]).for_cards())
    practices[0].search_headline = "Een \ue000buurt\ue001 <script>"
    practices[1].found_via = "via organisatie ‘Samen & co’"
    practices[2].adopted_here = ["Aalst", "Gent <x>"]
    return practices


@pytest.mark.parametrize("saved", [False, True])
def test_the_cards_are_the_template_s(cards, saved):
    context = {"practices": cards, "shortlist_ids": {cards[1].pk} if saved else ()}
    written = TAG_CARDS.render(Context(context))
    assert same_html(written) == same_html(TEMPLATE_CARDS.render(Context(context)))
    assert "Buurt &amp; &lt;co&gt;" in written and "<mark>buurt</mark> &lt;script&gt;" in written
    assert ('aria-pressed="true"' in written) is saved


def test_the_shortlist_forms_are_the_template_s(cards, rf: RequestFactory):
    request = rf.get("/praktijken/", {"q": "buurt <x>", "pagina": "2"})
    request.session = {"bewaarlijst": [cards[0].pk]}
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "sessie"
    context = RequestContext(request, {"practices": cards})
    written = TAG_FORMS.render(context)
    assert same_html(written) == same_html(TEMPLATE_FORMS.render(context))
    assert written.count('name="actie" value="verwijder"') == 1
    assert written.count('name="csrfmiddlewaretoken"') == len(cards)


FACET_TEMPLATE = Template(
    "{% for value in group.values %}"
    '<div class="facet__option">\n'
    '      <input type="checkbox" id="f-{{ group.param }}-{{ forloop.counter }}" '
    'name="{{ group.param }}" value="{{ value.key }}"{% if value.selected %} checked{% endif %}>\n'
    '      <label for="f-{{ group.param }}-{{ forloop.counter }}">{{ value.name }} '
    '<span class="count">({{ value.count }})</span></label>\n'
    "    </div>\n    {% endfor %}"
)


def test_a_facet_s_checkboxes_are_what_a_template_loop_writes():
    group = FacetGroup(
        "gemeente",
        "Gemeente",
        [
            FacetValue("sint-niklaas", "Sint-Niklaas", 12, True),
            FacetValue('a"b<c>', "Praat’s & “De Hoek” <b>", 3, False),
        ],
    )
    written = Template("{% load search_tags %}{% facet_options group %}").render(
        Context({"group": group})
    )
    assert written == FACET_TEMPLATE.render(Context({"group": group}))
    assert 'value="a&quot;b&lt;c&gt;"' in written and " checked>" in written
