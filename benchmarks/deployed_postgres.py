"""A PostgreSQL cluster of the benchmarks' own, configured as deploy/postgresql.conf says.

`benchmarks/load.py --deployed` measures against it, so that its figures are those of the
server the README's *Deployment* asks for (shared_buffers at least four times the practice
table), whatever the machine's own cluster is set to; without the flag it measures the
machine's cluster as it is. Debian's postgresql-common makes the cluster once (`pg_createcluster`,
as root; trust on loopback only, as the machine's own), on a port of its own; its
configuration is deploy/postgresql.conf in its conf.d, written again (and the cluster
restarted) when that file changed. The Dutch dictionary's files are the machine's
(/usr/share/postgresql/<version>/tsearch_data), shared by every cluster of that version.
"""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLUSTER = "databank-bench"
PORT = 5440
CONFIG = ROOT / "deploy" / "postgresql.conf"
ACCESS = "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n"


URL = f"postgres://postgres@127.0.0.1:{PORT}/databank_bench"


def ensure():
    """Create the cluster if there is none, give it deploy/postgresql.conf, make sure it runs;
    returns the URL of its benchmark database (created by the benchmark when missing)."""
    if os.geteuid() != 0:
        raise SystemExit("--deployed makes a PostgreSQL cluster of its own: run it as root")
    clusters = Path("/etc/postgresql")
    versions = sorted(os.listdir(clusters), key=int) if clusters.is_dir() else []
    if not versions:
        raise SystemExit("--deployed needs Debian's PostgreSQL (postgresql-common): none found")
    version = versions[-1]
    directory = clusters / version / CLUSTER
    if not directory.is_dir():
        run("pg_createcluster", version, CLUSTER, "--port", str(PORT))
    (directory / "pg_hba.conf").write_text(ACCESS)
    included = directory / "conf.d" / "databank.conf"
    included.parent.mkdir(exist_ok=True)
    wanted = CONFIG.read_text()
    changed = not included.is_file() or included.read_text() != wanted
    included.write_text(wanted)
    status = ["pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, "status"]
    if subprocess.run(status, capture_output=True).returncode != 0:
        action = "start"
    else:
        action = "restart" if changed else "reload"  # the access rules are written anew too
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, action)
    return URL


def run(*command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
