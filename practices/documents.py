"""Documents an editor uploads (an evaluation report, a manual): a PDF, ODT or DOCX of at most
10 MB, judged by its content, never by its name. A renamed program, a spreadsheet, a
macro-enabled Word file or a damaged or oversized archive gets a Dutch message next to the
field, and the file is never stored."""

import zipfile
from pathlib import Path

from django import forms
from django.db import models

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# An ODT or DOCX is a ZIP archive: what it unpacks to is bounded, so that a small file that
# unpacks to gigabytes (a zip bomb) is refused before it is read.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
PDF_END_WINDOW = 4096  # '%%EOF' sits in the last bytes of a complete PDF


class DocumentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    ODT = "odt", "ODT"
    DOCX = "docx", "DOCX"


MEDIA_TYPES = {
    DocumentKind.PDF: "application/pdf",
    DocumentKind.ODT: "application/vnd.oasis.opendocument.text",
    DocumentKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

NOT_A_DOCUMENT = (
    "Dit bestand is geen PDF, ODT of DOCX. We kijken naar de inhoud, niet naar de naam: "
    "bewaar het als PDF of als tekstdocument en kies het opnieuw."
)
DAMAGED = "Dit document is beschadigd of onvolledig en kan niet gelezen worden."
FILE_OR_LINK = "Geef een webadres of kies een bestand."


def _zip_kind(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise forms.ValidationError(DAMAGED, code="damaged")
            names = {info.filename for info in infos}
            if any(info.flag_bits & 0x1 for info in infos):
                raise forms.ValidationError(
                    "Dit document is met een wachtwoord beveiligd; kies een versie zonder.",
                    code="encrypted",
                )
            if archive.testzip() is not None:
                raise forms.ValidationError(DAMAGED, code="damaged")
            odt = MEDIA_TYPES[DocumentKind.ODT].encode()
            if {"mimetype", "content.xml"} <= names and archive.read("mimetype").strip() == odt:
                return DocumentKind.ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                if any(name.lower().endswith("vbaproject.bin") for name in names):
                    raise forms.ValidationError(
                        "Dit Word-document bevat macro’s; bewaar het als gewoon DOCX of als "
                        "PDF en kies het opnieuw.",
                        code="macros",
                    )
                return DocumentKind.DOCX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise forms.ValidationError(DAMAGED, code="damaged") from None
    finally:
        upload.seek(0)
    raise forms.ValidationError(NOT_A_DOCUMENT, code="kind")


def document_kind(upload):
    """The kind (DocumentKind) of this uploaded file, read from its content; a
    ValidationError with a Dutch message when it is none of them or cannot be read."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        upload.seek(max(upload.size - PDF_END_WINDOW, 0))
        tail = upload.read()
        upload.seek(0)
        if b"%%EOF" not in tail:
            raise forms.ValidationError(DAMAGED, code="damaged")
        return DocumentKind.PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    raise forms.ValidationError(NOT_A_DOCUMENT, code="kind")


def name_for_kind(upload, default="document"):
    """The upload's name with the extension of what it is ('verslag.docx' holding a PDF is
    stored as 'verslag.pdf'), so that it is served as that."""
    return f"{Path(upload.name).stem[:100] or default}.{upload.document_kind}"


def human_size(size):
    """'840 kB', '2,4 MB': a file's size as the sheet lists it."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{max(round(size / 1024), 1)} kB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


class DocumentField(forms.FileField):
    """A PDF, ODT or DOCX of at most 10 MB. The cleaned file carries `document_kind`."""

    default_error_messages = {
        "empty": "Dit bestand is leeg.",
        "invalid": "Kies een bestand.",
    }

    def to_python(self, data):
        document = super().to_python(data)
        if not document:
            return document
        if document.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                f"Het bestand is te groot ({document.size / 1024 / 1024:.1f} MB); hoogstens "
                "10 MB.".replace(".", ",", 1),
                code="too_large",
            )
        document.document_kind = document_kind(document)
        return document


def file_or_link(name):
    """The named check that a stored document is a file or a link (or both)."""
    return models.CheckConstraint(
        condition=~models.Q(url="") | ~models.Q(file=""),
        name=name,
        violation_error_message=FILE_OR_LINK,
    )


class StoredDocument(models.Model):
    """An uploaded document or a link, with the kind and size the upload check found
    (inherited by the models that list documents)."""

    title = models.CharField("titel", max_length=200)
    url = models.URLField("webadres", max_length=500, blank=True)
    file = models.FileField("bestand", max_length=300, blank=True)
    kind = models.CharField("type", max_length=4, choices=DocumentKind, blank=True)
    size = models.PositiveIntegerField("grootte in bytes", null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def href(self):
        return self.file.url if self.file else self.url

    @property
    def size_label(self):
        return human_size(self.size)


class DocumentForm(forms.ModelForm):
    """The admin form of a StoredDocument: the file is checked by content, its kind and size
    recorded; a document is a file or a link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = DocumentField(
                label=field.label,
                required=False,
                help_text="PDF, ODT of DOCX, hoogstens 10 MB; we kijken naar de inhoud.",
                widget=field.widget,
            )

    def clean(self):
        cleaned = super().clean()
        has_file = bool(cleaned.get("file"))  # False: cleared; the stored file: kept
        if not has_file and not cleaned.get("url") and not self.errors:
            raise forms.ValidationError(FILE_OR_LINK, code="document_missing")
        return cleaned

    def save(self, commit=True):
        document = super().save(commit=False)
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "document_kind"):
            document.kind, document.size = upload.document_kind, upload.size
            document.file.name = name_for_kind(upload)
        elif not document.file:
            document.kind, document.size = "", None
        if commit:
            document.save()
        return document
