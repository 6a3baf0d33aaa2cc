from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    """Editors' second factor: a TOTP authenticator (django-otp) with one-time backup codes."""

    name = "twofactor"
    verbose_name = "Tweede stap bij het aanmelden"
