from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def turtle(value):
    """A Turtle string literal: quotes, backslashes and line ends escaped."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\n", "\\n").replace("\r", "\\r")
    return mark_safe(f'"{text}"')


@register.filter
def iri(value):
    """A Turtle IRI: characters an IRI may not hold are refused, not passed through."""
    text = str(value)
    if any(c in text for c in '<>"{}|^`\\ ') or any(ord(c) < 33 for c in text):
        raise ValueError(f"not an IRI: {text!r}")
    return mark_safe(f"<{text}>")
