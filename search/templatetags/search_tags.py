"""Parts of the search page written in Python rather than as template loops, for speed:
a facet's checkboxes and the result cards with their shortlist forms. Every value is escaped
with the standard library's html.escape, which is what Django's escape() does (its own
wrapper, checking each argument for lazy text, cost as much as the escaping); values that
are already HTML (a snippet with its <mark>s) are SafeStrings and kept as they are."""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from practices.snippets import highlight

register = template.Library()


def esc(value):
    """Text for HTML, as the template engine's autoescape writes it."""
    return value if isinstance(value, SafeString) else escape(str(value))


@register.simple_tag
def facet_options(group):
    """A facet's checkboxes (search/_facets.html). A search page has about a hundred: the
    template engine took 1.3 ms for them, format_html 0.2 ms, this less."""
    param = esc(group.param)
    return mark_safe(
        "".join(
            '<div class="facet__option">\n'
            f'      <input type="checkbox" id="f-{param}-{number}" name="{param}" '
            f'value="{esc(value.key)}"{" checked" if value.selected else ""}>\n'
            f'      <label for="f-{param}-{number}">{esc(value.name)} '
            f'<span class="count">({value.count})</span></label>\n'
            "    </div>\n    "
            for number, value in enumerate(group.values, start=1)
        )
    )


# The search page's result cards and the shortlist forms beside them, as
# practices/_practice_card.html (with shortlist_form_outside) and the shortlist's button
# template write them: twenty cards took the template engine about 4 ms of every search,
# this well under 1. tests/test_search_cards_markup.py holds the two to the same HTML; a
# change to the card is made in both.


@register.simple_tag(takes_context=True)
def result_cards(context, practices):
    """The cards of a page of search results (search/results.html)."""
    saved_ids = context.get("shortlist_ids") or ()
    return mark_safe("".join(_card(practice, practice.pk in saved_ids) for practice in practices))


def _card(practice, saved):
    slug, title = esc(practice.slug), esc(practice.title)
    parts = [
        f'<article class="card" id="fiche-{slug}">\n'
        f'  <h3 class="card__title"><a href="{esc(practice.get_absolute_url())}">{title}</a></h3>'
    ]
    if practice.category:
        parts.append(f'<p class="card__meta">{esc(practice.category.name)}</p>')
    if practice.has_ended:
        parts.append(
            f'<p class="card__ended"><span class="card__badge">{esc(practice.life_label)}'
            "</span></p>"
        )
    parts.append(f'<p class="card__summary">{esc(practice.summary)}</p>')
    if getattr(practice, "search_headline", None):
        parts.append(f'<p class="card__snippet">{highlight(practice.search_headline)}</p>')
    if getattr(practice, "found_via", ""):
        parts.append(f'<p class="card__via">Gevonden {esc(practice.found_via)}</p>')
    if practice.card_places:
        parts.append(
            '<p class="card__places"><span class="visually-hidden">Deze praktijk in: </span>'
            f"{', '.join(map(esc, practice.card_places))}</p>"
        )
    if getattr(practice, "adopted_here", None):
        parts.append(
            '<p class="card__adopted"><span class="card__badge">Overgenomen</span> Begon '
            f"elders; ook toegepast in {', '.join(map(esc, practice.adopted_here))}</p>"
        )
    if practice.card_actions:
        chips = "".join(f'<li class="chip">Actie {esc(n)}</li>' for n in practice.card_actions)
        parts.append(
            '<p class="visually-hidden">Acties van Plan Samenleven:</p>\n'
            f'  <ul class="chips">\n    {chips}\n  </ul>'
        )
    label = (
        f' aria-pressed="true">Bewaard<span class="visually-hidden">: {title}</span> – haal weg'
        if saved
        else f'>Bewaar<span class="visually-hidden"> {title}</span>'
    )
    parts.append(
        '<p class="shortlist-button no-print"><button type="submit" '
        f'form="bewaar-{slug}"{label}</button></p>\n</article>'
    )
    return "\n  ".join(parts)


@register.simple_tag(takes_context=True)
def shortlist_forms(context, practices):
    """The shortlist's forms of the cards, after the search form (forms cannot nest)."""
    saved_ids = context.get("shortlist_ids") or ()
    back = esc(context["request"].get_full_path())
    token = esc(context.get("csrf_token") or "")
    forms = "".join(
        f'\n  <form id="bewaar-{esc(practice.slug)}" method="post" '
        f'action="{esc(reverse("shortlist:toggle", args=[practice.slug]))}">\n'
        f'    <input type="hidden" name="csrfmiddlewaretoken" value="{token}">\n'
        f'<input type="hidden" name="volgende" value="{back}#fiche-{esc(practice.slug)}">\n'
        f"{REMOVE if practice.pk in saved_ids else ''}\n  </form>\n  "
        for practice in practices
    )
    return mark_safe(f"<div hidden data-shortlist-forms>\n  {forms}\n</div>")


REMOVE = '<input type="hidden" name="actie" value="verwijder">'
