"""`manage.py check --deploy` run as production would run it, in a subprocess."""

import os
import subprocess
import sys

from django.conf import settings

STRONG_KEY = "k" + "".join(chr(65 + (n * 7) % 26) for n in range(60)) + "9$%"
PRODUCTION = {
    "DEBUG": "False",
    "HTTPS": "True",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "databank.example",
    "SITE_URL": "https://databank.example",
}


def check_deploy(tmp_path, *extra_args, **env_changes):
    """Run the check with production settings; a value of None removes that variable."""
    env = {**os.environ, **PRODUCTION, "VAR_DIR": str(tmp_path)}
    for name in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # the latter: browser tests
        env.pop(name, None)
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", *extra_args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
