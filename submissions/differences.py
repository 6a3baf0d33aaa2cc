"""What a proposal would change on a sheet, field by field, with the changed words marked."""

import difflib
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

# (label, attribute) of the sheet's texts that a submitted sheet can propose.
COMPARED = [
    ("Titel", "title"),
    ("Samenvatting", "summary"),
    ("Beschrijving", "description"),
    ("Doelen", "goals"),
    ("Succesfactoren", "success_factors"),
    ("Uitdagingen", "challenges"),
]


@dataclass(frozen=True)
class Difference:
    label: str
    current: str
    proposed: str

    @property
    def marked(self):
        """The proposal with removed words struck and added words marked (escaped HTML)."""
        before, after = self.current.split(), self.proposed.split()
        parts = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after).get_opcodes():
            if op in ("delete", "replace"):
                parts.append(("<del>{}</del>", " ".join(before[i1:i2])))
            if op in ("insert", "replace"):
                parts.append(("<ins>{}</ins>", " ".join(after[j1:j2])))
            if op == "equal":
                parts.append(("{}", " ".join(before[i1:i2])))
        return format_html_join(" ", "{}", ((format_html(t, text),) for t, text in parts))


def _text(value):
    return "\n".join(value) if isinstance(value, list) else (value or "")


def differences(submission):
    """The fields where a submitted sheet differs from the sheet it is about ([] if none)."""
    if not submission.practice_id or not submission.title:
        return []
    found = []
    for label, name in COMPARED:
        current = _text(getattr(submission.practice, name))
        proposed = _text(getattr(submission, name))
        if proposed and current.split() != proposed.split():
            found.append(Difference(label, current, proposed))
    return found
