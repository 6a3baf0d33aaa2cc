"""gunicorn configuration, used by `make serve` (see README)."""

import multiprocessing
import os

bind = os.getenv("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.getenv("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.getenv("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (a guard against a slow leak). Its successor
# opens a new database connection, which loads the search's Dutch dictionary on its first
# search: 200 ms of the database's CPU (README, "Dutch word forms"). At 1,000 the load test
# replaced some thirty workers a minute.
max_requests = int(os.getenv("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
accesslog = "-"
# Status-page tokens never reach the access log (config/redaction.py).
logger_class = "config.redaction.RedactingAccessLogger"
errorlog = "-"
wsgi_app = "config.wsgi:application"
# Load the app once, before forking: the workers share what config.wsgi warms up (the
# map's shapes, a second of work) instead of each drawing them for its first visitor.
# Code changes then need a restart of the service, not a HUP.
preload_app = True
