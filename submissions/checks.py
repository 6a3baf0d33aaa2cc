"""Deploy checks: `manage.py check --deploy` fails (not warns) on what would break mails."""

import os
from urllib.parse import urlparse

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", ""}


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    """The default key is public (it is in this repository): production must not start with it."""
    if "SECRET_KEY" not in os.environ or settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        return [
            Error(
                "SECRET_KEY is niet ingesteld of is de openbare ontwikkelsleutel.",
                hint="Zet SECRET_KEY op een lange willekeurige waarde, bv. met "
                "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
                id="databank.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs, **kwargs):
    """Every link in a mail (status page, admin, published sheet) starts with SITE_URL."""
    host = urlparse(settings.SITE_URL).hostname or ""
    if "SITE_URL" not in os.environ or host in LOCAL_HOSTS:
        return [
            Error(
                f"SITE_URL is niet ingesteld voor productie (nu {settings.SITE_URL!r}).",
                hint="Zet SITE_URL op het publieke adres, bv. https://databank.example: "
                "de links in alle e-mails beginnen ermee.",
                id="databank.E001",
            )
        ]
    return []
