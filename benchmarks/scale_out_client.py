"""The visitor side of benchmarks/scale_out.py: plain HTTP over loopback, with cookies and
a source address of its own (the rate limits count per address)."""

import http.client
import re
from urllib.parse import urlencode

HOST = "127.0.0.1"


class Browser:
    """One visitor: cookies kept, from its own loopback address."""

    def __init__(self, source="127.0.0.1"):
        self.cookies, self.source = {}, source

    def go(self, port, method, path, form=None, files=None):
        status, headers, body = request(
            port, method, path, form, self.cookies, self.source, files=files
        )
        for value in headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return status, headers, body

    def token(self, port, path):
        _, _, body = self.go(port, "GET", path)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        return found[1].decode() if found else ""


def request(
    port, method, path, form=None, cookies=None, source="127.0.0.1", timeout=30, files=None
):
    """One request; `files` ({field: (name, bytes)}) sends the form as multipart."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout, source_address=(source, 0))
    headers = {"Host": HOST}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if files:
        body, headers["Content-Type"] = multipart(form or {}, files)
    elif form is not None:
        body = urlencode(form, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def multipart(form, files):
    boundary = "----databank-scale-out"
    parts = []
    for name, value in form.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def submission(token, title):
    return {
        "csrfmiddlewaretoken": token,
        "title": title,
        "summary": "Een praktijk die de schaaltest instuurt.",
        "description": "Ingestuurd terwijl een app-server stopt.",
        "goals": "Niets verliezen",
        "success_factors": "",
        "challenges": "",
        "submitter_name": "Test Persoon",
        "submitter_organisation": "Gemeente Test",
        "submitter_email": "test@gemeente.example",
        "submitter_phone": "",
        "privacy": "on",
        "website": "",
        "gemeenten-TOTAL_FORMS": "1",
        "gemeenten-INITIAL_FORMS": "0",
        "gemeenten-MIN_NUM_FORMS": "0",
        "gemeenten-MAX_NUM_FORMS": "1000",
        "gemeenten-0-municipality_name": "Lokeren",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
    }
