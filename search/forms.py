from django import forms

MAX_QUERY_LENGTH = 200


class QueryField(forms.CharField):
    """Free text from a URL, made safe for every database and every template."""

    def to_python(self, value):
        text = super().to_python(value)
        # NUL and other control characters: PostgreSQL refuses NUL in text outright.
        text = "".join(char if char.isprintable() else " " for char in text)
        text = " ".join(text.split())
        if len(text) <= MAX_QUERY_LENGTH:
            return text
        # Cut at the last whole word: 'buurt buurt … bu' found nothing on PostgreSQL.
        cut = text[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0]
        return cut if " " in text[: MAX_QUERY_LENGTH + 1] else text[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    q = QueryField(required=False, label="Zoekwoorden")
