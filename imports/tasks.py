"""Large imports run on the task worker (`manage.py db_worker`); their page shows progress."""

from django.contrib.auth import get_user_model
from django.tasks import task

from imports.models import ImportRun
from imports.services import apply_import, check_import


@task
def check_import_later(run_id):
    run = ImportRun.objects.filter(pk=run_id, state=ImportRun.State.CHECKING).first()
    if run is not None:
        check_import(run=run)


@task
def apply_import_later(run_id, editor_id):
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is not None:
        apply_import(run=run, editor=get_user_model().objects.filter(pk=editor_id).first())
