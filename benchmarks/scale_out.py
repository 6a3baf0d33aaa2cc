"""Two app nodes behind nginx, on one machine: does the databank survive losing one?

    .venv/bin/python benchmarks/scale_out.py                 # 20 s of load, node A dies at 8 s
    .venv/bin/python benchmarks/scale_out.py --seconds 30 --stop term

Starts, on loopback only: PostgreSQL database SCALE_DATABASE_URL (default databank_scale,
recreated and seeded), the shared Redis (SCALE_REDIS_URL, emptied), two gunicorn nodes (A on
:8801, B on :8802, 2 workers each, production settings, one SECRET_KEY, one MEDIA_ROOT), a
separate tasks worker (manage.py db_worker), and nginx with deploy/nginx.conf on :8800
balancing the two. Then it checks, talking to each node directly:

- a session opened on node A (an editor's login) is valid on node B;
- an axes lock-out earned on node A (5 wrong passwords) holds on node B;
- an editor's change made on node A is seen on both nodes on the next request (the sheet was
  in both nodes' page cache);
- an editor's import checked on node A can be confirmed on node B;

and runs a mixed load through nginx (pages, searches, submissions from several addresses),
stopping node A in the middle (`--stop kill`: the whole process group at once, as a crash;
`--stop term`: gracefully). It prints the requests that failed and how many were in flight
when the node stopped, and the submissions acknowledged (a redirect to their status page)
against those stored. Everything it starts, it stops; every step has a time limit.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale_out_client import HOST, Browser, request, submission  # noqa: E402

# A request that got no whole answer: refused, reset, or cut off in its body (a node that
# dies while nginx relays its page).
BROKEN = (OSError, http.client.HTTPException)

DATABASE_URL = os.getenv("SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/databank_scale")
REDIS_URL = os.getenv("SCALE_REDIS_URL", "redis://127.0.0.1:6379/12")
NGINX_PORT, NODE_A, NODE_B = 8800, 8801, 8802
EDITOR, PASSWORD = "schaaltest", "een-lang-wachtwoord-voor-de-test"
TITLE = "Schaaltest"
PYTHON = sys.executable


def environment(media_root):
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DEBUG": "False",
        "SECRET_KEY": "scale-out-test-key-shared-by-both-nodes-0123456789abcdef",
        "ALLOWED_HOSTS": HOST,
        "TRUST_X_FORWARDED_FOR": "True",
        "MEDIA_ROOT": str(media_root),
        "DB_CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": "2",
        # The run checks sessions and lock-outs across nodes, not the second step.
        "REQUIRE_SECOND_FACTOR": "False",
    }


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def prepare(env):
    import psycopg
    import redis

    parts = urlparse(DATABASE_URL)
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as db:
        name = parts.path.lstrip("/")
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(REDIS_URL).flushdb()
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        f"User.objects.create_superuser('{EDITOR}', 'redactie@example.org', '{PASSWORD}')",
    )


def start(command, env, log):
    # A process group of its own: stopping a node stops its master and its workers.
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def start_node(env, port, log):
    gunicorn = Path(PYTHON).with_name("gunicorn")
    node_env = {**env, "GUNICORN_BIND": f"{HOST}:{port}"}
    return start([str(gunicorn), "--config", "config/gunicorn.py"], node_env, log)


def start_nginx(run_dir, media_root, log):
    template = string.Template((ROOT / "deploy" / "nginx.conf").read_text())
    config = template.safe_substitute(
        run_dir=run_dir,
        listen=f"{HOST}:{NGINX_PORT}",
        node_a=f"{HOST}:{NODE_A}",
        node_b=f"{HOST}:{NODE_B}",
        media_root=media_root,
    )
    path = Path(run_dir) / "nginx.conf"
    path.write_text(config)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    return start([nginx, "-c", str(path), "-p", str(run_dir), "-g", "daemon off;"], None, log)


def wait_for(port, deadline=40):
    stop_at = time.monotonic() + deadline
    while time.monotonic() < stop_at:
        try:
            if request(port, "GET", "/gezondheid/")[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"nothing answered on {HOST}:{port} within {deadline} s")


def login(browser, port, password=PASSWORD, user=EDITOR):
    token = browser.token(port, "/beheer/login/")
    form = {
        "csrfmiddlewaretoken": token,
        "username": user,
        "password": password,
        "next": "/beheer/",
    }
    return browser.go(port, "POST", "/beheer/login/", form)[0]


def check_session():
    editor = Browser()
    logged_in = login(editor, NODE_A)
    on_b = editor.go(NODE_B, "GET", "/beheer/")[0]
    return (
        logged_in == 302 and on_b == 200,
        f"login on A: {logged_in}; /beheer/ on B: {on_b}",
        editor,
    )


def check_lockout():
    intruder = Browser("127.0.0.77")
    answers = [login(intruder, NODE_A, password="fout", user=EDITOR) for _ in range(5)]
    on_b = login(intruder, NODE_B, password=PASSWORD, user=EDITOR)
    text = f"5 wrong passwords on A: {answers}; the right one on B: {on_b}"
    return answers[-1] == 429 and on_b == 429, text


def check_editor_change(editor):
    sheet = "/praktijken/pleinpatrons/"
    before = [request(port, "GET", sheet)[0] for port in (NODE_A, NODE_B) for _ in range(2)]
    status, _, body = editor.go(NODE_A, "GET", "/beheer/practices/practice/?q=PleinPatrons")
    found = re.search(rb'name="_selected_action" value="(\d+)"', body)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if not (found and token):
        return False, f"the admin's list did not show the practice ({status})"
    form = {
        "csrfmiddlewaretoken": token[1].decode(),
        "action": "unpublish",
        "_selected_action": found[1].decode(),
    }
    changed = editor.go(NODE_A, "POST", "/beheer/practices/practice/", form)[0]
    after = [request(port, "GET", sheet)[0] for port in (NODE_A, NODE_B)]
    text = (
        f"sheet before on A, A, B, B: {before}; unpublished on A: {changed}; "
        f"next request on A, B: {after}"
    )
    return before == [200] * 4 and after == [410, 410], text


def check_import_across_nodes(editor):
    """An editor's import checked on node A and confirmed on node B (the file waits in the
    database, not in a node's /tmp)."""
    start = "/beheer/practices/practice/importeren/"
    token = editor.token(NODE_A, start)
    content = "Titel;Samenvatting\nImport over twee nodes;Gecontroleerd op A, bevestigd op B.\n"
    files = {"file": ("fiches.csv", content.encode())}
    status, headers, _ = editor.go(NODE_A, "POST", start, {"csrfmiddlewaretoken": token}, files)
    run = headers.get("Location", "")
    if status != 302 or not re.search(r"/importeren/\d+/$", run):
        return False, f"upload on A: {status} {run}"
    run = urlparse(run).path
    page = editor.go(NODE_B, "GET", run)[2]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not token or b"1 nieuw" not in page:
        return False, f"the report on B does not show the new row ({run})"
    form = {"csrfmiddlewaretoken": token[1].decode()}
    confirmed = editor.go(NODE_B, "POST", run + "toepassen/", form)[0]
    done = editor.go(NODE_A, "GET", run)[2]
    ok = confirmed == 302 and b"Ingelezen" in done
    return ok, f"upload on A: {status}; confirm on B: {confirmed}; report on A: " + (
        "ingelezen" if b"Ingelezen" in done else "not applied"
    )


class Load:
    """Visitors through nginx: pages and searches, and submitters from their own addresses."""

    PAGES = ["/", "/praktijken/", "/praktijken/curant-cohousing-project/", "/plan-samenleven/"]
    SEARCHES = ["/praktijken/?q=jongeren", "/praktijken/?q=pleintjes&provincie=limburg"]

    def __init__(self):
        self.lock = threading.Lock()
        self.in_flight = 0
        self.done = self.failed = self.acknowledged = 0
        self.failures = []
        self.stop_at = 0

    def _count(self, ok, what=""):
        with self.lock:
            self.in_flight -= 1
            self.done += 1
            if not ok:
                self.failed += 1
                self.failures.append(what)

    def _start(self):
        with self.lock:
            self.in_flight += 1

    def reader(self, number):
        paths = self.PAGES + self.SEARCHES
        turn = number
        while time.monotonic() < self.stop_at:
            path = paths[turn % len(paths)]
            turn += 1
            self._start()
            try:
                status = request(NGINX_PORT, "GET", path, timeout=10)[0]
                self._count(status == 200, f"{status} {path}")
            except BROKEN as error:
                self._count(False, f"{error!r} {path}")

    def submitter(self, number):
        sent = 0
        while time.monotonic() < self.stop_at and sent < 5:  # 5 an hour per address
            visitor = Browser(f"127.0.1.{number * 5 + sent + 1}")
            self._start()
            try:
                token = visitor.token(NGINX_PORT, "/fiche-indienen/")
                form = submission(token, f"{TITLE} {number}-{sent}")
                status, headers, _ = visitor.go(NGINX_PORT, "POST", "/fiche-indienen/", form)
                acknowledged = status == 302 and "/inzending/" in (headers.get("Location") or "")
                with self.lock:
                    self.acknowledged += acknowledged
                self._count(acknowledged, f"{status} submission")
            except BROKEN as error:
                self._count(False, f"{error!r} submission")
            sent += 1
            time.sleep(0.5)


def stored_submissions(env):
    out = subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from submissions.models import Submission; "
            f"print(Submission.objects.filter(title__startswith='{TITLE}').count())",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def stop(process, sig=signal.SIGTERM):
    if process and process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the load")
    parser.add_argument("--stop", choices=["kill", "term"], default="kill")
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--submitters", type=int, default=3)
    args = parser.parse_args()

    run_dir = Path(tempfile.mkdtemp(prefix="databank-scale-"))
    run_dir.chmod(0o755)
    media_root = run_dir / "media"
    media_root.mkdir()
    env = environment(media_root)
    processes = {}
    log = (run_dir / "processes.log").open("w")
    try:
        prepare(env)
        processes["A"] = start_node(env, NODE_A, log)
        processes["B"] = start_node(env, NODE_B, log)
        processes["worker"] = start(
            [PYTHON, "manage.py", "db_worker", "--no-startup-delay", "--interval", "1"], env, log
        )
        processes["nginx"] = start_nginx(run_dir, media_root, log)
        for port in (NODE_A, NODE_B, NGINX_PORT):
            wait_for(port)
        print(f"# nginx :{NGINX_PORT} → nodes A :{NODE_A} and B :{NODE_B} (2 workers each),")
        print(f"# Redis {REDIS_URL}, {DATABASE_URL}, a tasks worker; logs in {run_dir}")

        ok, text, editor = check_session()
        print(f"session across nodes: {'holds' if ok else 'FAILS'} ({text})")
        ok, text = check_lockout()
        print(f"axes lock-out across nodes: {'holds' if ok else 'FAILS'} ({text})")
        ok, text = check_editor_change(editor)
        print(f"editor's change on both nodes: {'seen' if ok else 'NOT seen'} ({text})")
        ok, text = check_import_across_nodes(editor)
        print(f"import checked on A, confirmed on B: {'works' if ok else 'FAILS'} ({text})")

        load = Load()
        load.stop_at = time.monotonic() + args.seconds
        threads = [threading.Thread(target=load.reader, args=(n,)) for n in range(args.readers)]
        threads += [
            threading.Thread(target=load.submitter, args=(n,)) for n in range(args.submitters)
        ]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds * 0.4)
        with load.lock:
            in_flight = load.in_flight
        stop(processes.pop("A"), signal.SIGKILL if args.stop == "kill" else signal.SIGTERM)
        print(
            f"node A stopped ({args.stop}) after {args.seconds * 0.4:.0f} s; "
            f"requests in flight then (on either node): {in_flight}"
        )
        for thread in threads:
            thread.join(timeout=args.seconds + 60)
        stored = stored_submissions(env)
        print(
            f"requests: {load.done}; failed: {load.failed} "
            f"(target: at most the {in_flight} in flight){': ' if load.failures else ''}"
            f"{', '.join(load.failures[:5])}"
        )
        print(
            f"submissions acknowledged: {load.acknowledged}; stored: {stored} "
            f"({'equal' if stored == load.acknowledged else 'NOT equal'})"
        )
    finally:
        for process in processes.values():
            stop(process)
        log.close()


if __name__ == "__main__":
    main()
