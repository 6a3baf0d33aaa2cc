"""Applying a suggested change to its sheet: the parts of the proposal an editor ticks are
written to the sheet as one revision that credits the suggestion, and the suggestion is
accepted (the submitter gets the usual mail, with a link to the sheet)."""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction

from practices.fields import LinesFormField
from practices.models import Practice
from practices.models.life import LIFE_FIELDS
from practices.models.start import START_FIELDS
from practices.services import mark_content_changed
from submissions.differences import LIFE, START, differences
from submissions.materials import MATERIAL, copy_material
from submissions.models import Submission
from submissions.services import OPEN, TransitionError, _locked, accept_submission

LIST_PARTS = {"goals", "success_factors", "challenges"}


@transaction.atomic
def apply_proposal(*, submission, editor, parts):
    """Write the chosen parts (field names, see submissions.differences) of a suggested
    change to its sheet and accept the suggestion. Returns the practice."""
    locked = _locked(submission, OPEN)
    if locked.kind != Submission.Kind.CHANGE or locked.practice_id is None:
        raise TransitionError(f"{locked.reference} gaat niet over een bestaande fiche.")
    found = {difference.name: difference for difference in differences(locked)}
    chosen = [found[name] for name in dict.fromkeys(parts) if name in found]
    if not chosen:
        raise TransitionError("Vink minstens één deel van het voorstel aan om het toe te passen.")
    practice = Practice.objects.select_for_update().get(pk=locked.practice_id)
    for difference in chosen:
        if difference.name == MATERIAL:
            copy_material(submission=locked, practice=practice)
            continue
        if difference.name in (LIFE, START):
            for name in LIFE_FIELDS if difference.name == LIFE else START_FIELDS:
                setattr(practice, name, getattr(locked, name))
            continue
        value = difference.proposed
        if difference.name in LIST_PARTS:
            value = LinesFormField().to_python(value)
        setattr(practice, difference.name, value)
    try:
        practice.full_clean()
    except ValidationError as error:
        problems = " ".join(" ".join(messages) for messages in error.message_dict.values())
        raise TransitionError(f"Niet toegepast: {problems}") from error
    practice.save()
    mark_content_changed(practice=practice)
    labels = ", ".join(difference.label for difference in chosen)
    with reversion.create_revision():
        reversion.set_user(editor)
        reversion.set_comment(f"Voorstel {locked.reference} toegepast: {labels}.")
        reversion.add_to_revision(practice)
    accept_submission(submission=locked, editor=editor, note=f"Toegepast op de fiche: {labels}.")
    return practice
