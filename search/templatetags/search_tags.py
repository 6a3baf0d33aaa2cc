from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from practices.snippets import highlight

register = template.Library()


FACET_OPTION = (
    '<div class="facet__option">\n'
    '      <input type="checkbox" id="f-{0}-{1}" name="{0}" value="{2}"{3}>\n'
    '      <label for="f-{0}-{1}">{4} <span class="count">({5})</span></label>\n'
    "    </div>\n    "
)


CHECKED = mark_safe(" checked")  # a constant


@register.simple_tag
def facet_options(group):
    """A facet's checkboxes (search/_facets.html). Written here rather than as a loop in
    the template: a search page has about a hundred, and the template engine took 1.3 ms
    for them, this 0.2 ms. Everything is escaped by format_html."""
    return format_html_join(
        "",
        FACET_OPTION,
        (
            (
                group.param,
                number,
                value.key,
                CHECKED if value.selected else "",
                value.name,
                value.count,
            )
            for number, value in enumerate(group.values, start=1)
        ),
    )


# The search page's result cards and the shortlist forms beside them, as
# practices/_practice_card.html (with shortlist_form_outside) and
# shortlist/_outside_forms.html write them: twenty cards took the template engine about
# 4 ms of every search, this under 1. tests/test_search_cards_markup.py holds the two to the
# same HTML; a change to the card is made in both.
CARD = (
    '<article class="card" id="fiche-{slug}">\n'
    '  <h3 class="card__title"><a href="{url}">{title}</a></h3>\n'
    "  {category}\n"
    "  {ended}\n"
    '  <p class="card__summary">{summary}</p>\n'
    "  {snippet}\n"
    "  {via}\n"
    "  {places}\n"
    "  {adopted}\n"
    "  {actions}\n"
    '  <p class="shortlist-button no-print"><button type="submit" form="bewaar-{slug}"{saved}'
    "</button></p>\n"
    "</article>"
)
SAVED = '<span class="visually-hidden">: {}</span> – haal weg'


@register.simple_tag(takes_context=True)
def result_cards(context, practices):
    """The cards of a page of search results (search/results.html)."""
    saved_ids = context.get("shortlist_ids") or ()
    return mark_safe("".join(_card(practice, practice.pk in saved_ids) for practice in practices))


def _card(practice, saved):
    optional = {
        "category": format_html('<p class="card__meta">{}</p>', practice.category.name)
        if practice.category
        else "",
        "ended": format_html(
            '<p class="card__ended"><span class="card__badge">{}</span></p>', practice.life_label
        )
        if practice.has_ended
        else "",
        "snippet": format_html(
            '<p class="card__snippet">{}</p>', highlight(practice.search_headline)
        )
        if getattr(practice, "search_headline", None)
        else "",
        "via": format_html('<p class="card__via">Gevonden {}</p>', practice.found_via)
        if getattr(practice, "found_via", "")
        else "",
        "places": format_html(
            '<p class="card__places"><span class="visually-hidden">Deze praktijk in: </span>{}</p>',
            ", ".join(map(str, practice.card_places)),
        )
        if practice.card_places
        else "",
        "adopted": format_html(
            '<p class="card__adopted"><span class="card__badge">Overgenomen</span> Begon '
            "elders; ook toegepast in {}</p>",
            ", ".join(map(str, practice.adopted_here)),
        )
        if getattr(practice, "adopted_here", None)
        else "",
        "actions": format_html(
            '<p class="visually-hidden">Acties van Plan Samenleven:</p>\n'
            '  <ul class="chips">\n    {}\n  </ul>',
            format_html_join(
                "", '<li class="chip">Actie {}</li>', ((n,) for n in practice.card_actions)
            ),
        )
        if practice.card_actions
        else "",
    }
    saved_label = (
        format_html(' aria-pressed="true">Bewaard' + SAVED, practice.title)
        if saved
        else format_html('>Bewaar<span class="visually-hidden"> {}</span>', practice.title)
    )
    return format_html(
        CARD,
        slug=practice.slug,
        url=practice.get_absolute_url(),
        title=practice.title,
        summary=practice.summary,
        saved=saved_label,
        **optional,
    )


@register.simple_tag(takes_context=True)
def shortlist_forms(context, practices):
    """The shortlist's forms of the cards, after the search form (forms cannot nest)."""
    saved_ids = context.get("shortlist_ids") or ()
    back = context["request"].get_full_path()
    token = context.get("csrf_token")
    forms = format_html_join(
        "",
        '\n  <form id="bewaar-{0}" method="post" action="{1}">\n'
        '    <input type="hidden" name="csrfmiddlewaretoken" value="{2}">\n'
        '<input type="hidden" name="volgende" value="{3}#fiche-{0}">\n{4}\n  </form>\n  ',
        (
            (
                practice.slug,
                reverse("shortlist:toggle", args=[practice.slug]),
                token,
                back,
                REMOVE if practice.pk in saved_ids else "",
            )
            for practice in practices
        ),
    )
    return format_html("<div hidden data-shortlist-forms>\n  {}\n</div>", forms)


REMOVE = mark_safe('<input type="hidden" name="actie" value="verwijder">')  # a constant
