"""What a proposal would change on a sheet, field by field, with the changed words marked."""

import difflib
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

from practices.models.life import LIFE_FIELDS
from practices.models.start import START_FIELDS
from submissions.materials import MATERIAL, material_text

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
    name: str = ""  # the sheet's field (practices.Practice) the proposal is for

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


TEXT_PARTS = {name for _, name in COMPARED}
COMPARED_LABELS = [(name, label) for label, name in COMPARED]


def current_texts(practice):
    """The sheet's current text of each part a change can be about, to edit in the form.
    Reads the places and links the view prefetched."""
    texts = {name: _text(getattr(practice, name)) for _, name in COMPARED}
    texts["places"] = "\n\n".join(
        "\n".join(
            line
            for line in [
                location.place_name,
                location.description,
                ", ".join(
                    v
                    for v in [
                        location.contact_name,
                        location.contact_email,
                        location.contact_phone,
                        location.contact_url,
                    ]
                    if v
                ),
            ]
            if line
        )
        for location in practice.locations.all()
    )
    texts["links"] = "\n".join(f"{link.title} – {link.url}" for link in practice.links.all())
    return texts


def _text(value):
    return "\n".join(value) if isinstance(value, list) else (value or "")


LIFE = "life"  # the name of the difference in whether the practice still runs


def _life_text(sheet):
    """A practice's (or a proposal's) life in words, to compare and show."""
    lines = [sheet.life_label or "Niet gekend"]
    if sheet.end_reason:
        lines.append(f"Waarom ze stopte: {sheet.end_reason}")
    if sheet.lessons:
        lines.append(f"Wat ze leerden: {sheet.lessons}")
    return "\n".join(lines)


def _life_difference(submission):
    """A proposal of whether the practice still runs (an owner's 'Loopt niet meer', a
    submitted sheet), when it differs from the sheet: [] or [Difference]."""
    if submission.life_status == submission.LifeStatus.UNKNOWN:
        return []
    current, proposed = _life_text(submission.practice), _life_text(submission)
    if current == proposed:
        return []
    return [Difference("Loopt ze nog?", current, proposed, LIFE)]


START = "start"  # the name of the difference in 'Aan de slag'


def sheet_facts(sheet):
    """A sheet's (or a proposal's) life and 'Aan de slag' fields, by name."""
    return {name: getattr(sheet, name) for name in (*LIFE_FIELDS, *START_FIELDS)}


def _start_text(sheet):
    lines = []
    for name in START_FIELDS:
        value = getattr(sheet, name)
        if name == "cost_band":
            value = "" if value == sheet.CostBand.UNKNOWN else sheet.get_cost_band_display()
        value = _text(value)
        if value:
            label = sheet._meta.get_field(name).verbose_name
            lines.append(f"{label[:1].upper()}{label[1:]}: {value}")
    return "\n".join(lines)


def _start_difference(submission):
    """A proposal of 'Aan de slag' that differs from the sheet: [] or [Difference]. A
    submission that says nothing of it (an owner's answer) proposes nothing."""
    proposed = _start_text(submission)
    if not proposed:
        return []
    current = _start_text(submission.practice)
    if current == proposed:
        return []
    return [Difference("Aan de slag", current, proposed, START)]


def _material_difference(submission):
    """A material sent with a suggestion: [] or [Difference] (the sheet gets it beside its
    own)."""
    if not submission.material_file:
        return []
    return [Difference("Materiaal om te downloaden", "", material_text(submission), MATERIAL)]


def _facts(submission):
    return (
        _life_difference(submission)
        + _start_difference(submission)
        + _material_difference(submission)
    )


def differences(submission):
    """The fields where a submitted sheet differs from the sheet it is about ([] if none)."""
    if not submission.practice_id:
        return []
    if submission.part:
        # A suggestion about one text of the sheet: its proposal against that text.
        life = _facts(submission)
        if submission.part not in TEXT_PARTS or not submission.message:
            return life
        label = dict(COMPARED_LABELS)[submission.part]
        current = _text(getattr(submission.practice, submission.part))
        if current.split() == submission.message.split():
            return life
        return [Difference(label, current, submission.message, submission.part), *life]
    if not submission.title:
        return _facts(submission)
    found = _facts(submission)
    for label, name in COMPARED:
        current = _text(getattr(submission.practice, name))
        proposed = _text(getattr(submission, name))
        if proposed and current.split() != proposed.split():
            found.append(Difference(label, current, proposed, name))
    return found
