"""The address a request came from, honouring the proxies we trust."""

from django.conf import settings


def client_ip(request):
    """Return the client's IP address.

    With ``TRUSTED_PROXY_COUNT`` proxies in front, the client is the address
    that many hops from the right of X-Forwarded-For (each proxy appends the
    address it received from). Anything further left was sent by the client
    and could be forged, so it is never used. With no trusted proxies, the
    socket's address is the client.
    """
    hops = settings.TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")
