import logging

from rest_framework.throttling import AnonRateThrottle

from config.network import client_address, rate_limit_key
from practices.content_cache import CACHE_ERRORS

logger = logging.getLogger(__name__)


class ClientThrottle(AnonRateThrottle):
    """The API's limit per client, counted as the rest of the site counts clients: the real
    address behind the proxies (config/network.py), an IPv6 client by its /64."""

    def get_ident(self, request):
        return rate_limit_key(client_address(request))

    def allow_request(self, request, view):
        """The counts live in the cache: while it cannot be reached, the API answers as
        usual, unthrottled, rather than with an error."""
        try:
            return super().allow_request(request, view)
        except CACHE_ERRORS:
            logger.warning("Cache unreachable: the API is not throttled", exc_info=True)
            return True
