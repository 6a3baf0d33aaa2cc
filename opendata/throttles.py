from rest_framework.throttling import AnonRateThrottle

from config.network import client_address, rate_limit_key


class ClientThrottle(AnonRateThrottle):
    """The API's limit per client, counted as the rest of the site counts clients: the real
    address behind the proxies (config/network.py), an IPv6 client by its /64."""

    def get_ident(self, request):
        return rate_limit_key(client_address(request))
