import itertools

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import http_date

from config.links import absolute_url, site_url
from opendata import databank_files, dcat
from opendata.export_limits import ReleasedAfter, take_slot
from opendata.exports import csv_chunks, export_rows, json_chunks, xlsx_file
from opendata.throttles import ClientThrottle
from practices.structured_data import json_ld as json_ld_script
from search.results import searched_practices

TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export(request, fmt):
    """/praktijken/export.<fmt>?<the search's parameters>: the same practices, same order.

    The whole databank comes from the worker's files when they are current (opendata.
    databank_files); anything computed counts against the client's throttle and takes one of
    the site's few export slots (opendata.export_limits), or gets 429."""
    if fmt not in TYPES:
        raise Http404
    if not request.GET:
        written = databank_files.current(fmt)
        if written:
            return _file_response(request, fmt, *written)
        databank_files.ask_for_files()
    throttle = ClientThrottle()
    if not throttle.allow_request(request, None):
        return _too_many(throttle.wait() or 60)
    release = take_slot()
    if release is None:
        return _too_many(EXPORT_RETRY_SECONDS)
    rows = export_rows(searched_practices(request.GET), site_url=site_url())
    meta = {
        "bron": absolute_url(request.get_full_path()),
        "aangemaakt": timezone.now().isoformat(timespec="seconds"),
    }
    try:
        return export_response(rows, fmt, name="praktijken", meta=meta, release=release)
    except BaseException:
        release()
        raise


EXPORT_RETRY_SECONDS = 10


def _too_many(seconds):
    body = render_to_string("opendata/too_many.html", {"seconds": int(seconds)})
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(int(seconds) or 1)
    return response


def _file_response(request, fmt, path, version):
    etag = f'"{version}-{fmt}"'
    modified = http_date(path.stat().st_mtime)
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        filename = f"praktijken-{timezone.localdate():%Y-%m-%d}.{fmt}"
        response = FileResponse(path.open("rb"), as_attachment=True, filename=filename)
        response["Content-Type"] = TYPES[fmt]
    response["ETag"] = etag
    response["Last-Modified"] = modified
    response["X-Robots-Tag"] = "noindex"
    return response


def export_response(rows, fmt, *, name, meta, release=None):
    """The rows as a download in one of TYPES, streamed (XLSX: from a temporary file).

    The first row is read before the answer starts: a database that is down gives the 503
    page (config.views.server_error), not a 200 with a header row and a cut file."""
    rows = iter(rows)
    first = next(rows, None)
    rows = itertools.chain([first], rows) if first is not None else rows
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "xlsx":
        try:
            made = xlsx_file(rows)
        finally:
            if release:
                release()
        response = FileResponse(made, as_attachment=True, filename=filename)
        response["Content-Type"] = TYPES[fmt]
    else:
        chunks = csv_chunks(rows) if fmt == "csv" else json_chunks(rows, meta=meta)
        if release:
            chunks = ReleasedAfter(chunks, release)
        response = StreamingHttpResponse(chunks, content_type=TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def robots(request):
    """Crawlers are welcome on the public pages; the admin, private status pages and the
    downloads are not for them."""
    site = settings.SITE_URL.rstrip("/")
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_PATH}",
        "Disallow: /inzending/",
        "Disallow: /meldingen/",
        "Disallow: /praktijken/export.",
        "",
        f"Sitemap: {site}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def about(request):
    """/open-data/: the licence, the downloads, how often it changes, the DCAT record."""
    context = dcat.dataset_context()
    return render(
        request,
        "opendata/about.html",
        {"d": context, "record_script": json_ld_script(dcat.json_ld(context)), "nav": "about"},
    )


def dcat_record(request, fmt):
    context = dcat.dataset_context()
    if fmt == "jsonld":
        return JsonResponse(
            dcat.json_ld(context),
            content_type="application/ld+json; charset=utf-8",
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
    if fmt == "ttl":
        return HttpResponse(
            render_to_string("opendata/dcat.ttl", {"d": context}),
            content_type="text/turtle; charset=utf-8",
        )
    raise Http404
