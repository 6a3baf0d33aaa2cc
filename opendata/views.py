from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone

from opendata.exports import csv_chunks, export_rows, json_chunks, xlsx_file
from practices.search_results import searched_practices

TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export(request, fmt):
    """/praktijken/export.<fmt>?<the search's parameters>: the same practices, same order."""
    if fmt not in TYPES:
        raise Http404
    rows = export_rows(searched_practices(request.GET), site_url=settings.SITE_URL.rstrip("/"))
    name = f"praktijken-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "xlsx":
        response = FileResponse(xlsx_file(rows), as_attachment=True, filename=name)
        response["Content-Type"] = TYPES[fmt]
    else:
        chunks = (
            csv_chunks(rows)
            if fmt == "csv"
            else json_chunks(
                rows,
                meta={
                    "bron": settings.SITE_URL.rstrip("/") + request.get_full_path(),
                    "aangemaakt": timezone.now().isoformat(timespec="seconds"),
                },
            )
        )
        response = StreamingHttpResponse(chunks, content_type=TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
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
        "Disallow: /praktijken/export.",
        "",
        f"Sitemap: {site}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
