"""Headers for a page reached by a secret in its address (a submission's status, an alert
subscription): never kept by a browser or a shared cache, never indexed, and its address
never passed on to another site in a Referer."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


def private_page(response, *, referrer_policy="no-referrer"):
    response["Referrer-Policy"] = referrer_policy
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response
