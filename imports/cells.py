"""One cell of an import as a single value: a text, lines, a choice from a list, a web address,
the address of a sheet, a date, a year or a 'stand van zaken', each with a Dutch message when
the cell cannot be taken as it is (imports.parsing reads the cells that name terms, places,
contacts and links)."""

import datetime
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import dates

from practices.register import name_key


class CellProblem(ValueError):
    """A cell's value cannot be taken as it is; the message says why, in Dutch."""


def _text(value, vocabulary=None):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip()
    # The exports keep a text that starts like a formula behind an apostrophe.
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]
    return text


def _lines(value, vocabulary=None):
    return [line.strip() for line in _text(value).split("\n") if line.strip()]


def _choice(labels, what):
    def parse(value, vocabulary):
        text = _text(value)
        if not text:
            return None
        wanted = name_key(text)
        for key, label in labels().items():
            if wanted in (name_key(key), name_key(label)):
                return key
        allowed = ", ".join(f"‘{label}’" for label in labels().values())
        raise CellProblem(f"‘{text}’ is geen {what}. Kies uit: {allowed}.")

    return parse


def _url(value, vocabulary=None):
    text = _text(value)
    if not text:
        return ""
    if text.startswith("www."):
        text = "https://" + text
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError as error:
        raise CellProblem(f"‘{text}’ is geen webadres (https://…).") from error
    return text


def _slug(value, vocabulary=None):
    """The practice a row is about: its address on this site (or its slug alone)."""
    text = _text(value)
    if not text:
        return ""
    path = urlsplit(text).path if "://" in text else text
    slug = path.rstrip("/").rpartition("/")[2]
    if not re.fullmatch(r"[-a-zA-Z0-9_]+", slug):
        raise CellProblem(f"‘{text}’ is geen adres van een fiche (…/praktijken/naam/).")
    return slug


def _date(value, vocabulary=None):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for form in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise CellProblem(f"‘{text}’ is geen datum. Schrijf ze als 2026-12-31 of 31-12-2026.")


def _year(value, vocabulary=None):
    """A year: '2021', 2021, 2021.0 or a date cell; None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value.year
    text = _text(value).removesuffix(".0")
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise CellProblem(f"‘{text[:40]}’ is geen jaartal (bv. 2021).")
    return int(text)


def _situation(value, vocabulary=None):
    """(year, month): '2019-03', '2019', '03/2019', 'maart 2019' or a date cell."""
    if value in (None, ""):
        return (None, None)
    if isinstance(value, datetime.date):
        return (value.year, value.month)
    text = _text(value).casefold()
    months = {str(name): number for number, name in dates.MONTHS.items()}
    patterns = [
        (r"(\d{4})", lambda m: (int(m[1]), None)),
        (r"(\d{4})-(\d{1,2})", lambda m: (int(m[1]), int(m[2]))),
        (r"(\d{1,2})[/-](\d{4})", lambda m: (int(m[2]), int(m[1]))),
        (r"([a-z]+) (\d{4})", lambda m: (int(m[2]), months.get(m[1], 0))),
    ]
    for pattern, found in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            year, month = found(match)
            if 1900 <= year <= 2100 and (month is None or 1 <= month <= 12):
                return (year, month)
    raise CellProblem(
        f"‘{_text(value)}’ is geen stand van zaken. Schrijf het jaar (2019) of jaar en maand "
        "(2019-03 of maart 2019)."
    )
