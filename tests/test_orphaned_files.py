"""A photo written by a worker that died before its transaction committed has no row; the
daily command removes it, and nothing that a row still needs."""

import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from tests.factories import PracticeFactory
from tests.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def written(name, hours_ago):
    name = default_storage.save(name, ContentFile(b"jpeg"))
    then = time.time() - hours_ago * 3600
    os.utime(default_storage.path(name), (then, then))
    return name


def test_only_old_files_without_a_row_are_removed(capsys):
    submission = SubmissionFactory()
    submission.photo.save("x.jpg", ContentFile(b"jpeg"))
    practice = PracticeFactory(image_alt="Buren in de tuin")
    practice.image.save("y.jpg", ContentFile(b"jpeg"))
    for name in (submission.photo.name, practice.image.name):
        os.utime(default_storage.path(name), (time.time() - 7200,) * 2)
    orphan = written("inzendingen/crash.jpg", hours_ago=2)
    orphan_image = written("praktijken/crash.jpg", hours_ago=2)
    in_progress = written("inzendingen/nu.jpg", hours_ago=0)

    call_command("remove_orphaned_files", "--dry-run")
    assert default_storage.exists(orphan)
    assert "zou wissen: inzendingen/crash.jpg" in capsys.readouterr().out

    call_command("remove_orphaned_files")
    assert "2 bestand(en) zonder inzending of fiche gewist" in capsys.readouterr().out
    assert not default_storage.exists(orphan) and not default_storage.exists(orphan_image)
    for kept in (in_progress, submission.photo.name, practice.image.name):
        assert default_storage.exists(kept)


def test_no_upload_folder_yet_is_fine(capsys):
    call_command("remove_orphaned_files")
    assert "0 bestand(en)" in capsys.readouterr().out
