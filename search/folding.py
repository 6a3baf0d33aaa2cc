"""Folding case and accents, in Python and (on SQLite) in SQL: what the SQLite search and a
word's reach compare. Imports no models."""

import unicodedata

from django.db import models


def fold(text):
    """Lower case without accents: 'Ideeën' -> 'ideeen'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class Fold(models.Func):
    """databank_fold(text): registered on every SQLite connection (see search.apps)."""

    function = "databank_fold"
    output_field = models.TextField()
