"""Uploaded documents (practices.documents): PDF, ODT or DOCX of at most 10 MB, judged by their
content; anything else gets a Dutch message and is never stored."""

import io
import zipfile

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from practices import documents
from practices.documents import DocumentField, document_kind, human_size

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def zipped(files, name="verslag.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, content in files.items():
            archive.writestr(path, content)
    return SimpleUploadedFile(name, buffer.getvalue())


def odt(name="handleiding.odt"):
    return zipped(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}, name
    )


def docx(name="verslag.docx", **more):
    return zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>", **more}, name)


def clean(upload):
    return DocumentField(required=False).clean(upload)


def message(upload):
    with pytest.raises(forms.ValidationError) as refused:
        clean(upload)
    return " ".join(refused.value.messages)


@pytest.mark.parametrize(
    ("upload", "kind"),
    [
        (SimpleUploadedFile("evaluatie.pdf", PDF), "pdf"),
        (odt(), "odt"),
        (docx(), "docx"),
        # The name says nothing: a PDF called .docx is still a PDF.
        (SimpleUploadedFile("evaluatie.docx", PDF), "pdf"),
    ],
)
def test_a_pdf_odt_or_docx_is_taken_for_what_its_content_is(upload, kind):
    assert clean(upload).document_kind == kind


def test_a_renamed_executable_is_refused():
    program = SimpleUploadedFile("verslag.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200)
    assert "geen PDF, ODT of DOCX" in message(program)
    elf = SimpleUploadedFile("verslag.docx", b"\x7fELF\x02\x01\x01" + b"\x00" * 200)
    assert "geen PDF, ODT of DOCX" in message(elf)


def test_other_archives_and_macros_are_refused():
    spreadsheet = zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>"})
    assert "geen PDF, ODT of DOCX" in message(spreadsheet)
    assert "macro’s" in message(docx(**{"word/vbaProject.bin": b"\x00" * 10}))


def test_a_damaged_document_is_refused():
    assert "beschadigd" in message(SimpleUploadedFile("kapot.pdf", PDF[:40]))
    whole = docx().read()
    assert "beschadigd" in message(SimpleUploadedFile("kapot.docx", whole[: len(whole) // 2]))


def test_an_archive_that_unpacks_too_far_is_refused(monkeypatch):
    monkeypatch.setattr(documents, "MAX_UNPACKED_BYTES", 100)
    assert "beschadigd" in message(docx(**{"word/media/groot.xml": "x" * 1000}))


def test_a_file_over_10_mb_is_refused_with_its_size():
    big = SimpleUploadedFile("groot.pdf", PDF + b" " * (10 * 1024 * 1024))
    assert message(big) == "Het bestand is te groot (10,0 MB); hoogstens 10 MB."


def test_an_empty_file_is_refused():
    assert message(SimpleUploadedFile("leeg.pdf", b"")) == "Dit bestand is leeg."


def test_the_kind_is_read_without_moving_the_file():
    upload = docx()
    assert document_kind(upload) == "docx"
    assert upload.read(2) == b"PK"


@pytest.mark.parametrize(
    ("size", "label"), [(300, "1 kB"), (840 * 1024, "840 kB"), (2_500_000, "2,4 MB")]
)
def test_sizes_read_as_a_visitor_reads_them(size, label):
    assert human_size(size) == label
