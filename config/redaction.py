"""Secrets in URLs kept out of the logs: the token of a submitter's status page
(/inzending/<token>/), of an alert subscription (/meldingen/<token>/) and of an owner's
"Klopt dit nog?" link (/klopt-dit-nog/<token>/) is replaced by "…"
in gunicorn's access log and Django's request logs."""

import logging
import re

from gunicorn.glogging import Logger

TOKEN_IN_PATH = re.compile(r"(/inzending/|/meldingen/|/klopt-dit-nog/)[^/?#\s\"]+")


def redact(text):
    return TOKEN_IN_PATH.sub(r"\1…", text) if isinstance(text, str) else text


class RedactingAccessLogger(Logger):
    """gunicorn's logger with every field redacted: request line, path, referrer, headers."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) for key, value in atoms.items()}


class RedactTokens(logging.Filter):
    """For Django's loggers: "Not Found: /inzending/<token>/" and the like."""

    def filter(self, record):
        record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) for arg in record.args)
        return True
