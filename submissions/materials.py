"""A material to download that a submitter sends with a sheet or a suggested change: a PDF,
ODT or DOCX checked by its content (practices.documents), kept on the submission, and copied
to the sheet's 'Materiaal' when the editors accept the sheet or apply the suggestion."""

from django.core.files.base import ContentFile

from practices.documents import human_size, name_for_kind
from practices.models import PracticeMaterial

MATERIAL = "material"  # the name of the difference a suggested material makes


def attach_material(submission, upload):
    """Put a checked upload (DocumentField's, with `document_kind`) on the submission, under
    the extension of what it is (saved with the submission)."""
    upload.name = name_for_kind(upload, default="materiaal")
    submission.material_file = upload
    submission.material_kind, submission.material_size = upload.document_kind, upload.size


def material_text(submission):
    """'Draaiboek (PDF, 840 kB)': the suggested material as the editors compare it."""
    kind = submission.get_material_kind_display()
    return f"{submission.material_title} ({kind}, {human_size(submission.material_size)})"


def copy_material(*, submission, practice):
    """The submitted material as the practice's own (a copy: the submission's file goes with
    the submitter's data). Returns the PracticeMaterial, or None when there is none."""
    if not submission.material_file:
        return None
    last = practice.material_files.order_by("-position").values_list("position", flat=True)
    material = PracticeMaterial(
        practice=practice,
        title=submission.material_title,
        kind=submission.material_kind,
        size=submission.material_size,
        position=(last.first() or 0) + 1,
    )
    with submission.material_file.open("rb") as source:
        name = submission.material_file.name.rsplit("/", 1)[-1]
        material.file.save(name, ContentFile(source.read()), save=False)
    material.save()
    return material
