"""The editors' import (upload, check, confirm) and export, as pages of the admin."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from config.links import site_url
from imports import tasks
from imports.forms import ImportForm
from imports.models import ImportRun
from imports.reading import FileProblem
from imports.services import apply_import, check_import, progress_of, start_import
from imports.template import template_file
from practices import spreadsheets
from practices.columns import COLUMNS, table_rows
from practices.models import Practice

IMPORT_PERMISSIONS = ["practices.add_practice", "practices.change_practice"]
SHOWN_ROWS = 300  # rows of a report listed on its page; the counts cover them all


def _context(request, title, **extra):
    return {
        **admin.site.each_context(request),
        "title": title,
        "opts": Practice._meta,
        **extra,
    }


def _may_import(request):
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        raise PermissionDenied


def start(request):
    _may_import(request)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = start_import(file_name=upload.name, content=upload.read(), editor=request.user)
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            if run.row_count > settings.IMPORT_WORKER_ROWS:
                transaction.on_commit(lambda: tasks.check_import_later.enqueue(run.pk))
            else:
                check_import(run=run)
            return redirect(run)
    title = "Fiches importeren"
    if form.errors:
        title = "Fout: " + title
    megabytes = settings.IMPORT_MAX_BYTES // 1_000_000
    limit_text = f"Hoogstens {settings.IMPORT_MAX_ROWS:,} rijen en {megabytes} MB.".replace(
        ",", "."
    )
    return render(
        request, "imports/start.html", _context(request, title, form=form, limit_text=limit_text)
    )


def run(request, pk):
    _may_import(request)
    run = get_object_or_404(ImportRun, pk=pk)
    report = run.report or {}
    rows = report.get("rows", [])
    return render(
        request,
        "imports/run.html",
        _context(
            request,
            f"Import van {run.file_name}",
            run=run,
            report=report,
            counts=report.get("counts", {}),
            rows=rows[:SHOWN_ROWS],
            more_rows=max(len(rows) - SHOWN_ROWS, 0),
            processed=progress_of(run),
            can_apply=run.state == ImportRun.State.CHECKED
            and not report.get("problem")
            and not report.get("counts", {}).get("error")
            and (report["counts"]["new"] or report["counts"]["changed"]),
        ),
    )


@require_POST
def confirm(request, pk):
    _may_import(request)
    run = get_object_or_404(ImportRun, pk=pk)
    if run.row_count > settings.IMPORT_WORKER_ROWS:
        editor = request.user.pk
        transaction.on_commit(lambda: tasks.apply_import_later.enqueue(run.pk, editor))
        messages.info(request, "De import loopt. Deze pagina toont hoe ver hij staat.")
        return redirect(run)
    if apply_import(run=run, editor=request.user):
        run.refresh_from_db()
        counts = run.report["counts"]
        messages.success(
            request,
            f"Import klaar: {counts['new']} nieuw, {counts['changed']} gewijzigd, "
            f"{counts['unchanged']} overgeslagen.",
        )
    else:
        run.refresh_from_db()
        if run.state == ImportRun.State.FAILED:
            messages.error(
                request, "Er is niets geïmporteerd: sommige rijen kloppen niet meer. Zie hieronder."
            )
        else:
            messages.warning(request, "Deze import werd al toegepast of is verlopen.")
    return redirect(run)


def template(request):
    _may_import(request)
    return FileResponse(
        template_file(),
        as_attachment=True,
        filename="importsjabloon-praktijken.xlsx",
        content_type=EXPORT_TYPES["xlsx"],
    )


EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export(request, fmt):
    """The practices of the admin's list as it is filtered and searched, with every column."""
    if fmt not in EXPORT_TYPES:
        raise Http404
    model_admin = admin.site.get_model_admin(Practice)
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    try:
        changelist = model_admin.get_changelist_instance(request)
    except IncorrectLookupParameters:
        return redirect(reverse("admin:practices_practice_changelist"))
    practices = changelist.get_queryset(request)
    rows = table_rows(practices, site_url=site_url(), media_url=settings.MEDIA_URL)
    filename = f"praktijken-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "xlsx":
        return FileResponse(
            spreadsheets.xlsx_file(COLUMNS, rows),
            as_attachment=True,
            filename=filename,
            content_type=EXPORT_TYPES[fmt],
        )
    response = StreamingHttpResponse(
        spreadsheets.csv_chunks(COLUMNS, rows), content_type=EXPORT_TYPES[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
