"""A search snippet as a result card shows it. The search (search.text) marks the matched
words with two private-use characters; the card turns them into <mark> only after escaping
the text, so practice text never becomes HTML. Here, below both, so that the card (practices)
needs nothing of the search."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

MARK_START, MARK_STOP = "\ue000", "\ue001"


def highlight(snippet):
    """Escape a snippet, then mark the matched words."""
    if not snippet:
        return ""
    text = escape(snippet).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(text)  # escaped on the line above
