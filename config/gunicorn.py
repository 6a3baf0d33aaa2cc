"""gunicorn configuration, used by `make serve` (see README)."""

import multiprocessing
import os

bind = os.getenv("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.getenv("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.getenv("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
# Status-page tokens never reach the access log (config/redaction.py).
logger_class = "config.redaction.RedactingAccessLogger"
errorlog = "-"
wsgi_app = "config.wsgi:application"
# Load the app once, before forking: the workers share what config.wsgi warms up (the
# map's shapes, a second of work) instead of each drawing them for its first visitor.
# Code changes then need a restart of the service, not a HUP.
preload_app = True
