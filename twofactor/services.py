"""An editor's second factor: enrolling an authenticator app (TOTP), verifying a code at
every login, one-time backup codes, and a reset when the phone is lost.

django-otp keeps the devices: a TOTPDevice (the app) and a StaticDevice (the backup codes)
per staff account. A code is checked against the account's own devices only, with
django-otp's throttling (every wrong code doubles the wait before the next try)."""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10


def required(request):
    """Whether this request still needs the second step before the admin."""
    user = request.user
    # A user logged in during this very request has no is_verified yet (OTPMiddleware
    # wrapped the one before): not verified.
    verified = getattr(user, "is_verified", None)
    return bool(
        settings.REQUIRE_SECOND_FACTOR
        and user.is_authenticated
        and user.is_staff
        and not (verified and verified())
    )


def app_device(user):
    """The account's confirmed authenticator, or None (it has to enrol one)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user):
    """The authenticator being enrolled: made once, shown until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


def qr_code(device):
    """The enrolment QR code as an SVG data URI (an <img> the CSP allows)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def secret_in_groups(device):
    """The key to type when the QR code cannot be scanned: 'ABCD EFGH …'."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[n : n + 4] for n in range(0, len(secret), 4))


@transaction.atomic
def confirm_enrolment(*, request, code):
    """The first code from the app confirms it: the account is verified and gets its backup
    codes (returned once, to show). None when the code is wrong."""
    device = pending_device(request.user)
    if not device.verify_token(_digits(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return new_backup_codes(user=request.user)


def verify(*, request, code):
    """A code from the app or a backup code (each backup code works once). True when it
    verified the login."""
    code = (code or "").strip()
    app = app_device(request.user)
    if app is not None and app.verify_token(_digits(code)):
        otp_login(request, app)
        return True
    backup = StaticDevice.objects.filter(user=request.user).first()
    if backup is not None and backup.verify_token(code.replace(" ", "").lower()):
        otp_login(request, backup)
        return True
    return False


@transaction.atomic
def new_backup_codes(*, user):
    """Ten new one-time codes (the old ones stop working)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, defaults={"name": "Reservecodes"})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def reset(*, user):
    """A lost phone: the account's devices go; its next login enrols anew."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    return removed


def _digits(code):
    return "".join(char for char in (code or "") if char.isdigit())
