"""Who is asking: the client's address behind the proxies we trust, shared by the submission
rate limit and the admin's login lock (django-axes).

Behind a reverse proxy every request comes from the proxy; the proxy appends the address it
saw to X-Forwarded-For. Anything to the left of that was written by the client and proves
nothing, so with TRUSTED_PROXIES = n the client is the n-th address from the right
(counting REMOTE_ADDR as the last). An address that does not parse falls back to REMOTE_ADDR.
"""

import ipaddress

from django.conf import settings


def _parsed(text):
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    chain = [part.strip() for part in forwarded if part.strip()] + [remote]
    if len(chain) <= proxies:
        return remote
    found = _parsed(chain[-(proxies + 1)])
    return str(found) if found else remote


def rate_limit_key(address):
    """What the rate limit counts: an IPv4 address, or the /64 an IPv6 address belongs to
    (one household or phone gets a whole /64 and can pick any address in it)."""
    found = _parsed(address or "")
    if found is None:
        return address or ""
    if found.version == 6:
        if found.ipv4_mapped:
            return str(found.ipv4_mapped)
        return str(ipaddress.ip_network(f"{found}/64", strict=False))
    return str(found)
