"""The abuse benchmark's steps against the front (benchmarks/abuse.py): clients looping
filtered exports, and slow clients straight at gunicorn and through nginx."""

import http.client
import shutil
import socket
import string
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _status(host, port, path):
    try:
        connection = http.client.HTTPConnection(host, port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return None


NGINX_PORT = 8767
SLOW_CLIENTS, SLOW_SECONDS = 50, 15


def slow_client(host, port, stop_at):
    """Open a request and send one header line every 3 s, never the blank line that ends
    the headers, until stop_at or until the server hangs up."""
    try:
        with socket.create_connection((host, port), timeout=5) as connection:
            connection.sendall(b"GET /gezondheid/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            while time.monotonic() < stop_at:
                time.sleep(3)
                connection.sendall(b"X-Langzaam: ja\r\n")
    except OSError:
        pass  # the server hung up on it: what it should do


def probe(host, port, stop_at, found):
    while time.monotonic() < stop_at:
        started = time.monotonic()
        try:
            connection = http.client.HTTPConnection(host, port, timeout=2)
            connection.request("GET", "/gezondheid/", headers={"Host": host})
            ok = connection.getresponse().status == 200
            connection.close()
        except OSError:
            ok = False
        found.append((ok, time.monotonic() - started))
        time.sleep(0.5)


def slow_clients_at(host, port):
    stop_at = time.monotonic() + SLOW_SECONDS
    threads = [
        threading.Thread(target=slow_client, args=(host, port, stop_at))
        for _ in range(SLOW_CLIENTS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(1)
    found = []
    probe(host, port, stop_at, found)
    for thread in threads:
        thread.join(timeout=SLOW_SECONDS + 10)
    answered = sum(1 for ok, _ in found if ok)
    slowest = max((seconds for ok, seconds in found if ok), default=0)
    return answered, len(found), slowest


def start_nginx(host, port):
    run_dir = Path("/tmp/databank-abuse/nginx")
    run_dir.mkdir(parents=True, exist_ok=True)
    config = string.Template((ROOT / "deploy" / "nginx.conf").read_text()).safe_substitute(
        run_dir=run_dir,
        listen=f"{host}:{NGINX_PORT}",
        node_a=f"{host}:{port}",
        node_b=f"{host}:{port} backup",
        media_root="/tmp/databank-abuse/media",
    )
    (run_dir / "nginx.conf").write_text(config)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    return subprocess.Popen(
        [nginx, "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


MORE_PRACTICES = """
from practices.models import Practice, PracticeLocation
seeded = list(Practice.objects.published())
made = []
for n in range(2000):
    model = seeded[n % len(seeded)]
    made.append(Practice(title=f"{model.title} {n}", slug=f"{model.slug}-{n}",
        summary=model.summary, description=model.description, goals=model.goals,
        success_factors=model.success_factors, challenges=model.challenges,
        category_id=model.category_id, status="published", published_at=model.published_at))
Practice.objects.bulk_create(made, batch_size=500)
"""
EXPORTERS, EXPORT_SECONDS = 10, 20


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0


def exporter(host, port, number, stop_at, answers):
    words = ["buurt", "jongeren", "school", "wijk", "samen"]
    while time.monotonic() < stop_at:
        try:
            connection = http.client.HTTPConnection(host, port, timeout=30)
            path = f"/praktijken/export.xlsx?q={words[number % len(words)]}"
            connection.request("GET", path, headers={"X-Forwarded-For": f"192.0.2.{number + 1}"})
            response = connection.getresponse()
            response.read()
            answers.append(response.status)
            connection.close()
        except (OSError, http.client.HTTPException):
            answers.append(None)


def exports(env, host, port):
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", MORE_PRACTICES],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    print(f"4. {EXPORTERS} clients looping filtered XLSX exports for {EXPORT_SECONDS} s")
    stop_at = time.monotonic() + EXPORT_SECONDS
    answers, searches, health = [], [], []
    threads = [
        threading.Thread(target=exporter, args=(host, port, n, stop_at, answers))
        for n in range(EXPORTERS)
    ]
    for thread in threads:
        thread.start()
    n = 0
    while time.monotonic() < stop_at:
        n += 1
        for path, found in (
            (f"/praktijken/?q=buurt&pagina={n % 50 + 1}", searches),
            ("/gezondheid/", health),
        ):
            started = time.monotonic()
            status = _status(host, port, path)
            found.append(time.monotonic() - started if status == 200 else 10.0)
        time.sleep(0.25)
    for thread in threads:
        thread.join(timeout=60)
    made = sum(1 for a in answers if a == 200)
    refused = sum(1 for a in answers if a == 429)
    print(
        f"   exports: {made} made, {refused} answered 429 (slots or throttle), "
        f"{len(answers) - made - refused} failed"
    )
    print(
        f"   search p95 {percentile(searches, 0.95) * 1000:.0f} ms over {len(searches)}; "
        f"/gezondheid/ p95 {percentile(health, 0.95) * 1000:.0f} ms over {len(health)}"
    )


def slow(host, port):
    print(f"5. {SLOW_CLIENTS} slow clients for {SLOW_SECONDS} s (one header line every 3 s)")
    answered, probes, slowest = slow_clients_at(host, port)
    print(f"   straight at gunicorn: /gezondheid/ answered {answered} of {probes} probes")
    nginx = start_nginx(host, port)
    try:
        time.sleep(1)
        answered, probes, slowest = slow_clients_at(host, NGINX_PORT)
        print(
            f"   through nginx: /gezondheid/ answered {answered} of {probes} probes, "
            f"slowest {slowest * 1000:.0f} ms"
        )
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
