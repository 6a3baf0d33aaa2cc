from django import template

from practices.snippets import highlight as highlight_snippet
from practices.structured_data import json_ld, practice_data

register = template.Library()


@register.filter
def highlight(snippet):
    """A search snippet with its matched words in <mark>; the text itself is escaped."""
    return highlight_snippet(snippet)


@register.filter
def euro(amount):
    """A whole amount in euro as Flemish readers write it: '€ 25.000'."""
    if amount in (None, ""):
        return ""
    try:
        whole = int(amount)
    except (TypeError, ValueError):
        return ""
    grouped = f"{whole:,}".replace(",", ".")
    return f"€\N{NO-BREAK SPACE}{grouped}"


@register.simple_tag
def practice_json_ld(practice):
    """The sheet as schema.org JSON-LD (practices/structured_data.py)."""
    return json_ld(practice_data(practice))
