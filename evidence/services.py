"""Writes on assessments, which also set the level a practice carries in the search."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from evidence.models import Assessment
from practices.models import Practice


def valid_until_for(assessed_on):
    """The day an assessment made on `assessed_on` stops holding: EVIDENCE_VALID_YEARS later
    (28 February when it was made on 29 February)."""
    year = assessed_on.year + settings.EVIDENCE_VALID_YEARS
    try:
        return assessed_on.replace(year=year)
    except ValueError:
        return datetime.date(year, 2, 28)


def current_assessment(practice):
    """The practice's latest assessment (the one that counts), or None."""
    return practice.assessments.latest_first().first()


def level_for(*, practice, today=None):
    """The level the practice carries: its latest assessment's while that holds, 'beschreven'
    once it has expired, and, never assessed, the level it has (as its sources carry it)."""
    assessment = current_assessment(practice)
    if assessment is None:
        return practice.evidence_level
    if assessment.is_expired(today):
        return Practice.Evidence.DESCRIBED
    return assessment.level


def refresh_evidence_level(*, practice, today=None, withdrawn=()):
    """Set the practice's level (one UPDATE, only when it changes); returns the level.
    `withdrawn`: the levels of assessments just deleted; a practice left without any drops
    from such a level back to 'beschreven' (the level was the assessment's, not a source's)."""
    level = level_for(practice=practice, today=today)
    if level in withdrawn and not practice.assessments.exists():
        level = Practice.Evidence.DESCRIBED
    if level != practice.evidence_level:
        Practice.objects.filter(pk=practice.pk).update(
            evidence_level=level, updated_at=timezone.now()
        )
        practice.evidence_level = level
    return level


@transaction.atomic
def record_assessment(
    *,
    practice,
    level,
    assessed_on,
    editor=None,
    external_body="",
    criteria=(),
    valid_until=None,
    summary="",
    documents=(),
    today=None,
):
    """Record an assessment of `practice` (documents: (title, url) pairs) and set the level
    the practice carries from it."""
    kind = Assessment.Assessor.EXTERNAL if external_body else Assessment.Assessor.EDITORS
    assessment = Assessment.objects.create(
        practice=practice,
        level=level,
        assessor_kind=kind,
        editor=editor,
        external_body=external_body,
        assessed_on=assessed_on,
        valid_until=valid_until or valid_until_for(assessed_on),
        summary=summary,
    )
    assessment.criteria.set(criteria)
    for title, url in documents:
        assessment.documents.create(title=title, url=url)
    refresh_evidence_level(practice=practice, today=today)
    return assessment


@transaction.atomic
def delete_assessments(*, assessments):
    """Delete these assessments and set their practices' levels anew."""
    withdrawn = {}
    for assessment in assessments.select_related("practice"):
        withdrawn.setdefault(assessment.practice, set()).add(assessment.level)
    assessments.delete()
    for practice, levels in withdrawn.items():
        refresh_evidence_level(practice=practice, withdrawn=levels)
    return len(withdrawn)


def expire_assessments(*, today=None):
    """Practices whose latest assessment has expired drop back to 'beschreven' (run daily:
    `manage.py expire_assessments`); returns how many changed."""
    today = today or timezone.localdate()
    expired = Assessment.objects.latest_per_practice().expired(today)
    return (
        Practice.objects.filter(Exists(expired.filter(practice=OuterRef("pk"))))
        .exclude(evidence_level=Practice.Evidence.DESCRIBED)
        .update(evidence_level=Practice.Evidence.DESCRIBED, updated_at=timezone.now())
    )
