"""Abuse benchmark: what an attacker and a broken network do to a production-like server.

    .venv/bin/python benchmarks/abuse.py            # about two minutes

Creates the PostgreSQL database in ABUSE_DATABASE_URL (default databank_abuse on the local
server; dropped and made anew), migrates and seeds it, and starts gunicorn with 5 workers and
production settings on 127.0.0.1 (`make serve`-style, TRUSTED_PROXIES=1 so that each request's
X-Forwarded-For stands for a distinct visitor) and a mail worker whose SMTP server hangs. Then:

1. five concurrent uploads of a 12000 × 12000 pixel PNG ("pixel bomb"), sampling each worker's
   memory and probing /gezondheid/ every 0.2 s (target: under 300 MB a worker, health always up);
2. 200 concurrent submissions from 200 addresses with one worker killed by SIGKILL halfway
   (target: every acknowledged submission stored exactly once);
3. the time of a page and of a submission while the mail server hangs, against the same with
   no mail worker running (target: unaffected);
4. 10 clients looping filtered XLSX exports for 20 s on 2,000 practices, a search with a
   fresh URL and /gezondheid/ probed meanwhile (target: p95 of both under 1 s);
5. 50 slow clients, each sending one header line every 3 s and never finishing, for 15 s:
   straight at gunicorn, then through nginx with deploy/nginx.conf; /gezondheid/ is probed
   every 0.5 s meanwhile (target through nginx: every probe answered within 1 s).
`--steps slow` runs one step (bombs, stampede, mail, exports, slow, photos; photos runs
benchmarks/photo_memory.py: each kind of photo's peak memory in a worker). Only loopback is
contacted; every step has a time limit.
"""

import http.client
import io
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks import abuse_steps  # noqa: E402  (the project root on the path first)

DATABASE_URL = os.getenv("ABUSE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/databank_abuse")
HOST, PORT, WORKERS = "127.0.0.1", 8766, 5
PYTHON = sys.executable


def environment(mail_port):
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DEBUG": "False",
        "SECRET_KEY": "abuse-benchmark-" + "x" * 50,
        "ALLOWED_HOSTS": HOST,
        "GUNICORN_BIND": f"{HOST}:{PORT}",
        "GUNICORN_WORKERS": str(WORKERS),
        "TRUSTED_PROXIES": "1",
        "LOG_LEVEL": "ERROR",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": HOST,
        "EMAIL_PORT": str(mail_port),
        "EMAIL_TIMEOUT": "10",
        "VAR_DIR": "/tmp/databank-abuse",
        "MEDIA_ROOT": "/tmp/databank-abuse/media",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=600)


def prepare(env):
    name = urlsplit(DATABASE_URL).path.lstrip("/")
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


def hanging_mail_server():
    server = socket.socket()
    server.bind((HOST, 0))
    server.listen(64)
    return server


def start(env, *command):
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_until_up():
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if get("/gezondheid/", timeout=2)[0] == 200:
            return
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer on /gezondheid/ within 30 s")


def get(path, timeout=10):
    try:
        connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, body, response
    except (OSError, http.client.HTTPException):
        return None, b"", None


def form_session(address):
    """The form's CSRF cookie and token, fetched as the visitor at `address`."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
    connection.request("GET", "/fiche-indienen/", headers={"X-Forwarded-For": address})
    response = connection.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return cookie, token


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    for name, value in fields.items():
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        )
        body.write(f"{value}\r\n".encode())
    for name, (filename, content, content_type) in files.items():
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
        )
        body.write(content + b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


def submission_fields(title, token):
    fields = {
        "csrfmiddlewaretoken": token,
        "title": title,
        "summary": "Buren ontmoeten elkaar in een moestuin.",
        "description": "Een proef van de abuse-benchmark.",
        "submitter_name": "Benchmark",
        "submitter_organisation": "Stad Lokeren",
        "submitter_email": "benchmark@lokeren.example",
        "privacy": "on",
        "website": "",
        "gemeenten-0-municipality_name": "Lokeren",
    }
    for prefix, total in (("gemeenten", 1), ("links", 0)):
        fields |= {
            f"{prefix}-TOTAL_FORMS": str(total),
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return fields


def submit(address, title, files=None, timeout=60):
    """Post the form as the visitor at `address`; returns (status, location, seconds)."""
    try:
        cookie, token = form_session(address)
        fields = submission_fields(title, token)
        if files:
            fields["photo_alt"] = "Een grote, lege afbeelding"
        body, content_type = multipart(fields, files or {})
        started = time.perf_counter()
        connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
        connection.request(
            "POST",
            "/fiche-indienen/",
            body=body,
            headers={
                "Content-Type": content_type,
                "Cookie": cookie,
                "X-Forwarded-For": address,
                "Referer": f"http://{HOST}:{PORT}/fiche-indienen/",
            },
        )
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location"), time.perf_counter() - started
    except (OSError, http.client.HTTPException, AttributeError):
        return None, None, None


def worker_pids(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


def pixel_bomb():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def bombs(server):
    bomb = pixel_bomb()
    peak, probes, stop = {}, [], threading.Event()

    def watch():
        while not stop.is_set():
            for pid in worker_pids(server):
                peak[pid] = max(peak.get(pid, 0.0), rss_mb(pid))
            time.sleep(0.05)

    def probe():
        while not stop.is_set():
            probes.append(get("/gezondheid/", timeout=5)[0] == 200)
            time.sleep(0.2)

    results = []
    watchers = [threading.Thread(target=watch), threading.Thread(target=probe)]
    for thread in watchers:
        thread.start()
    time.sleep(0.5)
    uploads = [
        threading.Thread(
            target=lambda n=n: results.append(
                submit(f"10.66.0.{n}", f"bom {n}", {"photo": ("bom.png", bomb, "image/png")})
            )
        )
        for n in range(5)
    ]
    for thread in uploads:
        thread.start()
    for thread in uploads:
        thread.join(timeout=90)
    time.sleep(0.5)
    stop.set()
    for thread in watchers:
        thread.join()
    print(f"1. Pixel bombs: 5 × {len(bomb) // 1024} KB PNG of 12000 × 12000 pixels")
    print(f"   answers: {sorted(str(status) for status, *_ in results)} (200: form with message)")
    print(
        f"   peak worker memory: {max(peak.values()):.0f} MB (target < 300 MB); per worker: "
        + ", ".join(f"{mb:.0f}" for mb in sorted(peak.values()))
    )
    print(f"   /gezondheid/ answered {sum(probes)} of {len(probes)} probes")


def stampede(server, run):
    acknowledged, lock = {}, threading.Lock()

    def one(n):
        status, location, _ = submit(f"10.77.{n // 250}.{n % 250}", f"{run} {n}", timeout=120)
        if status == 302 and location and "/inzending/" in location:
            with lock:
                acknowledged[f"{run} {n}"] = location

    threads = [threading.Thread(target=one, args=(n,)) for n in range(200)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    victim = worker_pids(server)[0]
    os.kill(victim, signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=180)

    import django

    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.db.models import Count

    from submissions.models import Submission

    stored = dict(
        Submission.objects.filter(title__startswith=f"{run} ")
        .values_list("title")
        .annotate(n=Count("id"))
    )
    once = sum(1 for title in acknowledged if stored.get(title) == 1)
    lost = [title for title in acknowledged if title not in stored]
    doubled = [title for title, n in stored.items() if n > 1]
    unacknowledged = len(set(stored) - set(acknowledged))
    print(f"2. 200 concurrent submissions from 200 addresses; worker {victim} killed after 1 s")
    print(
        f"   acknowledged: {len(acknowledged)}; stored exactly once: {once}; lost: {len(lost)};"
        f" stored twice: {len(doubled)}; stored but not acknowledged: {unacknowledged}"
    )


def timings(label, samples=20):
    pages, posts = [], []
    for n in range(samples):
        started = time.perf_counter()
        get("/")
        pages.append((time.perf_counter() - started) * 1000)
        status, _, seconds = submit(f"10.88.{label}.{n}", f"mail {label} {n}")
        if status == 302:
            posts.append(seconds * 1000)
    return statistics.median(pages), statistics.median(posts) if posts else float("nan")


def main():
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--steps",
        nargs="+",
        default=["bombs", "stampede", "photos", "mail", "exports", "slow"],
    )
    steps = parser.parse_args().steps
    mail = hanging_mail_server()
    env = environment(mail.getsockname()[1])
    prepare(env)
    gunicorn = Path(PYTHON).with_name("gunicorn")
    server = start(
        env, str(gunicorn), "--config", "config/gunicorn.py", "--access-logfile", "/dev/null"
    )
    worker = None
    try:
        wait_until_up()
        print(f"# gunicorn, {WORKERS} workers, PostgreSQL, DEBUG=False, on {HOST}:{PORT}")
        if "bombs" in steps:
            bombs(server)
        if "stampede" in steps:
            stampede(server, f"stormloop-{uuid.uuid4().hex[:6]}")
        if "photos" in steps:
            print("Photos: peak memory of the checks and the re-encoding, per kind")
            subprocess.run(
                [PYTHON, "benchmarks/photo_memory.py"], cwd=ROOT, env=env, check=True, timeout=600
            )
        if "exports" in steps:
            abuse_steps.exports(env, HOST, PORT)
        if "slow" in steps:
            abuse_steps.slow(HOST, PORT)
        if "mail" not in steps:
            return
        quiet = timings(1)
        worker = start(env, PYTHON, "manage.py", "db_worker", "--no-startup-delay")
        time.sleep(2)
        hanging = timings(2)
        print("3. Mail server that accepts and never answers (EMAIL_TIMEOUT 10 s)")
        print(
            f"   median home page: {quiet[0]:.0f} ms without mail worker, {hanging[0]:.0f} ms "
            "with the worker stuck on the mail server"
        )
        print(f"   median submission: {quiet[1]:.0f} ms without, {hanging[1]:.0f} ms with")
        from django.db.models import Count
        from django_tasks_db.models import DBTaskResult

        states = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")))
        print(f"   mail tasks meanwhile: {states} (RUNNING: the worker waiting on the server)")
    finally:
        for process in (worker, server):
            if process:
                process.terminate()
                process.wait(timeout=30)
        mail.close()


if __name__ == "__main__":
    main()
