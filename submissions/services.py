"""Writes of the submissions app: sending a submission, and every moderation step.

The admin, the views and the tests call these; each transition writes a log entry. Mail goes
out after the transaction commits, through the tasks framework (submissions.tasks): a mail
server that fails can never lose or block a submission.
"""

import hashlib
import io
import secrets
from datetime import timedelta

import reversion
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageOps

from config.network import rate_limit_key
from practices.models import Practice, PracticeLink, PracticeLocation, Source
from practices.models.life import LIFE_FIELDS
from practices.models.start import START_FIELDS
from practices.services import review_due_after
from submissions.materials import attach_material, copy_material
from submissions.models import ModerationLogEntry, Submission, SubmittedLink, SubmittedPlace

RATE_LIMIT = 5  # submissions per address
RATE_WINDOW = timedelta(hours=1)
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class TransitionError(Exception):
    """A moderation step that does not fit the submission's status (message in Dutch)."""


class RateLimited(Exception):
    """This address sent its share for the hour (checked again inside the transaction)."""


# Sending ----------------------------------------------------------------------------------


def address_hash(address):
    """The submitter's address (an IPv6 address by its /64), kept only as a keyed hash, for
    the rate limit."""
    key = rate_limit_key(address)
    return hashlib.sha256(f"{settings.SECRET_KEY}:{key}".encode()).hexdigest()


def is_rate_limited(*, address):
    since = timezone.now() - RATE_WINDOW
    return Submission.objects.from_address_since(address_hash(address), since).count() >= RATE_LIMIT


def _claim_a_place(address):
    """Inside the submission's transaction: wait for other submissions from this address
    (a PostgreSQL advisory lock on its hash), then count. Twenty posts at once from one
    address store exactly RATE_LIMIT; the rest get the rate-limit message."""
    hashed = address_hash(address)
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(hashed[:15], 16)])
    since = timezone.now() - RATE_WINDOW
    if Submission.objects.from_address_since(hashed, since).count() >= RATE_LIMIT:
        raise RateLimited
    return hashed


PHOTO_MAX_SIDE = 2560


def reencoded_photo(photo):
    """The photo decoded and written anew (no metadata, no comment, no hidden payload), under
    a random name, at most PHOTO_MAX_SIDE pixels wide and high (a sheet shows no more). A
    JPEG larger than that is decoded at a reduced scale from the start (Pillow's draft), so
    a 24-megapixel photo costs a worker a fraction of its full size in memory. A phone's MPO
    becomes a plain JPEG of its first frame."""
    image = Image.open(photo)
    image_format = "JPEG" if image.format == "MPO" else image.format
    exif = image.getexif()  # read before the reduction, which keeps no metadata
    image.draft(image.mode, (PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    image.info["exif"] = exif.tobytes()
    image = ImageOps.exif_transpose(image)
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.info = {}  # Pillow would write a JPEG comment or PNG text back from here
    output = io.BytesIO()
    image.save(output, format=image_format, **({"quality": 85} if image_format != "PNG" else {}))
    extension = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}[image_format]
    return ContentFile(output.getvalue(), name=f"foto{extension}")


def _new_reference():
    return "DSS-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def _save_with_reference(submission):
    for _ in range(5):
        submission.reference = _new_reference()
        try:
            with transaction.atomic():
                submission.save()
            return submission
        except IntegrityError:
            continue  # a reference that exists already; draw again
    raise IntegrityError("Geen vrije referentie gevonden.")


def _queue_mails(submission, kind):
    """After commit, one task per mail: "received" also tells the editors."""
    from submissions.tasks import send_submission_mail

    kinds = ["received", "to_editors"] if kind == "received" else [kind]
    if submission.personal_data_removed_at:
        kinds.remove(kind)  # no address to write to any more
    for each in kinds:
        transaction.on_commit(
            lambda each=each: send_submission_mail.enqueue(submission.pk, each), robust=True
        )


@transaction.atomic
def submit_practice(*, fields, places, links, address, robot=False):
    """Store a new practice sheet as submitted. `fields`: the form's cleaned data."""
    many = {name: fields.pop(name, []) for name in ("target_groups", "policy_domains", "actions")}
    photo = fields.pop("photo", None)
    material = fields.pop("material_file", None)
    submission = Submission(kind=Submission.Kind.NEW_PRACTICE, **fields)
    if robot:
        submission.status = Submission.Status.SPAM
    submission.address_hash = _claim_a_place(address)
    if photo:
        submission.photo = reencoded_photo(photo)
    if material:
        attach_material(submission, material)
    _save_with_reference(submission)
    for name, values in many.items():
        getattr(submission, name).set(values)
    SubmittedPlace.objects.bulk_create(
        SubmittedPlace(submission=submission, position=n, **place) for n, place in enumerate(places)
    )
    SubmittedLink.objects.bulk_create(
        SubmittedLink(submission=submission, position=n, **link) for n, link in enumerate(links)
    )
    _log(submission, None, "", submission.status, "Ingediend via het formulier.")
    if not robot:
        _queue_mails(submission, "received")
    return submission


@transaction.atomic
def suggest_change(*, practice, fields, address, robot=False, rate_limited=True):
    """Store a suggested change (text, photo) to an existing practice. An owner's answer
    (owners/) comes through a signed link and is not held to the form's rate limit."""
    photo = fields.pop("photo", None)
    material = fields.pop("material_file", None)
    submission = Submission(kind=Submission.Kind.CHANGE, practice=practice, **fields)
    if robot:
        submission.status = Submission.Status.SPAM
    submission.address_hash = _claim_a_place(address) if rate_limited else address_hash(address)
    if photo:
        submission.photo = reencoded_photo(photo)
    if material:
        attach_material(submission, material)
    _save_with_reference(submission)
    how = "door de eigenaar, via ‘Klopt dit nog?’" if submission.from_owner else "via het formulier"
    _log(submission, None, "", submission.status, f"Wijziging voorgesteld {how}.")
    if not robot:
        _queue_mails(submission, "received")
    return submission


# Moderation ---------------------------------------------------------------------------------


def _log(submission, editor, from_status, to_status, note=""):
    ModerationLogEntry.objects.create(
        submission=submission,
        editor=editor,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def _locked(submission, allowed):
    """The submission, locked for this transaction; refused if its status is not allowed."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.status not in allowed:
        label = Submission.Status(locked.status).label.lower()
        raise TransitionError(f"{locked.reference} is al {label}; dat kan niet meer.")
    return locked


OPEN = {Submission.Status.NEW, Submission.Status.IN_REVIEW}


@transaction.atomic
def assign_submission(*, submission, editor):
    locked = _locked(submission, OPEN)
    locked.assigned_to = editor
    locked.save(update_fields=["assigned_to"])
    _log(locked, editor, locked.status, locked.status, f"Toegewezen aan {editor}.")
    return locked


@transaction.atomic
def start_review(*, submission, editor):
    locked = _locked(submission, {Submission.Status.NEW})
    locked.status = Submission.Status.IN_REVIEW
    locked.assigned_to = locked.assigned_to or editor
    locked.save(update_fields=["status", "assigned_to"])
    _log(locked, editor, Submission.Status.NEW, locked.status, "In behandeling genomen.")
    return locked


@transaction.atomic
def accept_submission(*, submission, editor, note=""):
    """Accept: a new practice becomes a draft sheet to review and publish; a suggested change
    is marked accepted (submissions.proposals applies it to the sheet, with `note` for the
    log). Returns the practice."""
    locked = _locked(submission, OPEN)
    previous = locked.status
    if locked.kind == Submission.Kind.NEW_PRACTICE:
        unresolved = unresolved_places(locked)
        if unresolved:
            names = ", ".join(f"‘{place.municipality_name}’" for place in unresolved)
            raise TransitionError(
                f"Niet aanvaard: {names} staat niet in het register van gemeenten. Kies bij "
                "‘Deze praktijk in’ de bedoelde gemeente (of maak een plaats in het buitenland "
                "aan) en aanvaard opnieuw."
            )
        with reversion.create_revision():
            reversion.set_user(editor)
            reversion.set_comment(f"Aangemaakt uit inzending {locked.reference}.")
            practice = _draft_practice(locked)
        locked.practice = practice
        note = f"Conceptfiche aangemaakt: {practice.title}."
    else:
        practice = locked.practice
        note = note or "Wijziging aanvaard."
    locked.status = Submission.Status.ACCEPTED
    locked.decided_at = timezone.now()
    locked.assigned_to = locked.assigned_to or editor
    locked.save(update_fields=["status", "decided_at", "assigned_to", "practice"])
    _log(locked, editor, previous, locked.status, note)
    _queue_mails(locked, "decided")
    return practice


@transaction.atomic
def file_as_change(*, submission, practice, editor):
    """A 'new' practice that is really one the databank has: keep everything submitted, and
    treat it as a suggested change to that sheet (the editor sees the two side by side)."""
    locked = _locked(submission, OPEN)
    if locked.kind != Submission.Kind.NEW_PRACTICE:
        raise TransitionError(f"{locked.reference} is al een voorgestelde wijziging.")
    locked.kind = Submission.Kind.CHANGE
    locked.practice = practice
    locked.assigned_to = locked.assigned_to or editor
    locked.save(update_fields=["kind", "practice", "assigned_to"])
    _log(
        locked,
        editor,
        locked.status,
        locked.status,
        f"Behandeld als wijziging van de bestaande fiche ‘{practice.title}’.",
    )
    return locked


def similar_to_submission(submission, limit=5):
    """Existing practices that may be what this new submission describes."""
    from practices.similar import similar_practices

    places = [
        place.resolved_municipality() for place in submission.places.select_related("municipality")
    ]
    return similar_practices(
        Practice.objects.all(),
        title=submission.title,
        summary=submission.summary,
        municipality_ids=[place.pk for place in places if place],
        limit=limit,
    )


@transaction.atomic
def decline_submission(*, submission, editor, reason):
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError("Geef een reden; de indiener krijgt ze te zien.")
    locked = _locked(submission, OPEN)
    previous = locked.status
    locked.status = Submission.Status.DECLINED
    locked.decline_reason = reason
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decline_reason", "decided_at"])
    _log(locked, editor, previous, locked.status, f"Afgewezen. Reden: {reason}")
    _queue_mails(locked, "decided")
    return locked


@transaction.atomic
def mark_spam(*, submission, editor):
    locked = _locked(submission, OPEN)
    previous = locked.status
    locked.status = Submission.Status.SPAM
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_at"])
    _log(locked, editor, previous, locked.status, "Als spam gemarkeerd.")
    return locked


def _unique_slug(model, text, field="slug"):
    base = slugify(text)[:200] or "praktijk"
    slug, n = base, 2
    while model.objects.filter(**{field: slug}).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def unresolved_places(submission):
    """The places whose typed name matches no municipality and that no editor resolved."""
    return [place for place in submission.places.all() if place.resolved_municipality() is None]


def _draft_practice(submission):
    practice = Practice(
        title=submission.title,
        slug=_unique_slug(Practice, submission.title),
        summary=submission.summary,
        description=submission.description,
        category=submission.category,
        goals=submission.goals,
        success_factors=submission.success_factors,
        challenges=submission.challenges,
        image_alt=submission.photo_alt,
        image_credit=submission.photo_credit,
        status=Practice.Status.DRAFT,
        **{name: getattr(submission, name) for name in (*START_FIELDS, *LIFE_FIELDS)},
    )
    if submission.photo:
        submission.photo.open("rb")
        with submission.photo:
            practice.image.save(
                submission.photo.name.rsplit("/", 1)[-1], submission.photo, save=False
            )
    submitted_on = timezone.localdate(submission.created_at)
    practice.situation_year, practice.situation_month = submitted_on.year, submitted_on.month
    # The editor who accepts has read the sheet: that is its first review.
    practice.last_reviewed_on = timezone.localdate()
    practice.review_due_on = review_due_after(practice.last_reviewed_on)
    practice.full_clean()
    practice.save()
    practice.sources.add(
        Source.objects.create(
            title=f"Inzending {submission.reference} van {submission.submitter_organisation}",
            kind=Source.Kind.SUBMISSION,
            year=submitted_on.year,
            month=submitted_on.month,
            day=submitted_on.day,
        )
    )
    practice.target_groups.set(submission.target_groups.all())
    practice.policy_domains.set(submission.policy_domains.all())
    practice.actions.set(submission.actions.all())
    seen = set()
    for place in submission.places.select_related("municipality"):
        municipality = place.resolved_municipality()
        if municipality.pk in seen:
            continue
        seen.add(municipality.pk)
        PracticeLocation.objects.create(
            practice=practice,
            municipality=municipality,
            description=place.description,
            contact_name=place.contact_name,
            contact_email=place.contact_email,
            contact_url=place.contact_url,
            position=place.position,
        )
    for link in submission.links.all():
        PracticeLink.objects.create(
            practice=practice, title=link.title, url=link.url, position=link.position
        )
    copy_material(submission=submission, practice=practice)
    return practice
