from django import template

from practices.search import highlight as highlight_snippet

register = template.Library()


@register.filter
def highlight(snippet):
    """A search snippet with its matched words in <mark>; the text itself is escaped."""
    return highlight_snippet(snippet)
