"""Dutch writes month names in lower case, also at the start of a label: the admin's date
filter says "december 2026", not Django's capitalised "December 2026"."""

import re

from django import template
from django.utils.dates import MONTHS

register = template.Library()


@register.filter
def month_in_lower_case(text):
    names = "|".join(str(name) for name in MONTHS.values())
    return re.sub(rf"\b({names})\b", lambda m: m.group(1).lower(), str(text), flags=re.I)
