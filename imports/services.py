"""The editors' import, in two steps that the admin view, the task worker and the tests call
alike: check a file (a dry run that writes no sheet) and apply it once an editor confirms.

A checked file waits in the database (every app node sees it) for IMPORT_KEEP_UNCONFIRMED; it
is removed when the import is applied. Applying is all or nothing, one transaction: a row that
turns out wrong by then (someone changed a sheet meanwhile) writes nothing at all."""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from imports.models import ImportRun
from imports.planning import file_columns, plan_rows
from imports.reading import FileProblem, read_table
from imports.writing import write_plan

COUNTED = ("new", "changed", "unchanged", "error")


def start_import(*, file_name, content, editor):
    """Keep the uploaded file and count its rows; FileProblem when it cannot be read."""
    discard_stale_imports()
    _, rows = read_table(content)
    return ImportRun.objects.create(
        file_name=file_name[:255], content=content, row_count=len(rows), uploaded_by=editor
    )


def check_import(*, run):
    """The dry run: what each row would do, kept as the run's report. Writes no sheet."""
    try:
        headings, rows = read_table(bytes(run.content))
        columns, left_out = file_columns(headings)
        report = _report(plan_rows(headings, rows, progress=_progress(run)))
        report["columns"] = [column.heading for column in columns.values()]
        report["left_out"] = left_out
    except FileProblem as problem:
        report = {"problem": str(problem)}
    run.report = report
    run.state = ImportRun.State.CHECKED
    run.save(update_fields=["report", "state"])
    return run


def apply_import(*, run, editor):
    """Write every new and changed row; False when the run was not waiting to be applied
    (another click or node took it) or a row is wrong now (the report says which)."""
    taken = ImportRun.objects.filter(pk=run.pk, state=ImportRun.State.CHECKED).update(
        state=ImportRun.State.APPLYING, processed=0
    )
    if not taken:
        return False
    run.refresh_from_db()
    headings, rows = read_table(bytes(run.content))
    with transaction.atomic():
        plans = list(plan_rows(headings, rows, progress=_progress(run, in_cache=True)))
        wrong = [plan for plan in plans if plan.errors]
        if not wrong:
            for plan in plans:
                if plan.action in ("new", "changed"):
                    write_plan(plan, editor=editor, file_name=run.file_name)
    report = _report(plans)
    report["columns"], report["left_out"] = run.report.get("columns"), run.report.get("left_out")
    run.report = report
    run.state = ImportRun.State.FAILED if wrong else ImportRun.State.DONE
    run.finished_at = timezone.now()
    run.processed = run.row_count
    run.content = b""
    run.save(update_fields=["report", "state", "finished_at", "processed", "content"])
    # No page cached before the import is served again: the writes' commit replaced the
    # content version (practices.content_writes).
    return not wrong


def discard_stale_imports():
    """Remove checked files nobody confirmed in time and old reports."""
    return ImportRun.objects.stale(timezone.now()).delete()[0]


def progress_of(run):
    """Rows processed: from the cache while a run is applied (its transaction hides the
    database's count), else from the run."""
    if run.state == ImportRun.State.APPLYING:
        return min(cache.get(_progress_key(run), 0), run.row_count)
    return run.processed


def _progress(run, in_cache=False):
    def note(done):
        if in_cache:
            cache.set(_progress_key(run), done, 3600)
        else:
            ImportRun.objects.filter(pk=run.pk).update(processed=min(done, run.row_count))

    return note


def _progress_key(run):
    return f"import-progress:{run.pk}"


def _report(plans):
    counts = dict.fromkeys(COUNTED, 0)
    rows = []
    for plan in plans:
        counts[plan.action] += 1
        if plan.action != "unchanged":
            rows.append(plan.report())
    return {"counts": counts, "rows": rows}
