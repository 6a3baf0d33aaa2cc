"""A status page's token is a password: it never reaches the access log or Django's logs."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from config.redaction import RedactingAccessLogger

TOKEN = "q7Xo2-geheim-TOKEN"


def test_the_access_log_has_no_token(tmp_path):
    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    config.set("access_log_format", '%(h)s "%(r)s" %(s)s "%(f)s" %(U)s %({referer}i)s')
    logger = RedactingAccessLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/inzending/{TOKEN}/?x=1",
        "PATH_INFO": f"/inzending/{TOKEN}/",
        "QUERY_STRING": "x=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_REFERER": f"https://databank.example/inzending/{TOKEN}/",
    }
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    response = SimpleNamespace(status="200 OK", headers=[], sent=100)
    logger.access(response, request, environ, timedelta(milliseconds=5))
    for handler in logger.access_log.handlers:
        handler.flush()
    line = (tmp_path / "access.log").read_text()
    assert "GET /inzending/…/?x=1 HTTP/1.1" in line
    assert "https://databank.example/inzending/…/" in line
    assert TOKEN not in line


def test_gunicorn_uses_it():
    from config import gunicorn

    assert gunicorn.logger_class == "config.redaction.RedactingAccessLogger"


@pytest.mark.django_db
def test_django_request_logs_have_no_token(anonymous, settings):
    """A wrong or expired token logs "Not Found: <path>" through the configured handler."""
    import io
    import logging.config

    stream = io.StringIO()
    config = {**settings.LOGGING}
    config["handlers"] = {
        "console": {**config["handlers"]["console"], "stream": stream},
    }
    logging.config.dictConfig(config)
    try:
        anonymous.get(f"/inzending/{TOKEN}/")
    finally:
        logging.config.dictConfig(settings.LOGGING)
    assert "Not Found: /inzending/…/" in stream.getvalue()
    assert TOKEN not in stream.getvalue()


def test_alert_tokens_are_redacted_and_the_subscribe_form_is_not():
    from config.redaction import redact

    assert redact(f"GET /meldingen/{TOKEN}/uitschrijven/ HTTP/1.1") == (
        "GET /meldingen/…/uitschrijven/ HTTP/1.1"
    )
    assert redact("GET /meldingen/?q=buurt HTTP/1.1") == "GET /meldingen/?q=buurt HTTP/1.1"
