"""The editors' login, throttled per user name without ever locking anybody out.

django-axes locks a user name *from one address* after AXES_FAILURE_LIMIT failures, so a
guesser elsewhere cannot lock the editor out. Spread over many addresses, though, a guesser
could try a user name without end; so once a user name has had LOGIN_THROTTLE_AFTER failures
in the last AXES_COOLOFF_TIME, it may be tried only once every LOGIN_THROTTLE_SECONDS from an
address it has never logged in from. The editor at a known address is never slowed; at a new
one, at most a few seconds.
"""

import math
from datetime import timedelta

from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import Max, Sum
from django.utils import timezone

from config.network import client_address


def login_throttled(*, username, address, now=None):
    """Seconds to wait before this user name may be tried from this address (0: go ahead)."""
    now = now or timezone.now()
    recent = AccessAttempt.objects.filter(
        username=username,
        attempt_time__gte=now - timedelta(hours=settings.AXES_COOLOFF_TIME),
    ).aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    if (recent["failures"] or 0) < settings.LOGIN_THROTTLE_AFTER:
        return 0
    if AccessLog.objects.filter(username=username, ip_address=address).exists():
        return 0
    wait = recent["last"] + timedelta(seconds=settings.LOGIN_THROTTLE_SECONDS) - now
    return max(0, math.ceil(wait.total_seconds()))


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "throttled": (
            "Er zijn voor deze gebruikersnaam veel mislukte aanmeldpogingen geweest. Wacht "
            "%(seconds)s seconden en probeer het dan opnieuw."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and self.request is not None:
            seconds = login_throttled(username=username, address=client_address(self.request))
            if seconds:
                raise ValidationError(
                    self.error_messages["throttled"],
                    code="throttled",
                    params={"seconds": seconds},
                )
        return super().clean()
