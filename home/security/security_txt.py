"""/.well-known/security.txt (RFC 9116): where to report a vulnerability."""

from datetime import UTC, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from home.site_address import absolute_url

# RFC 9116 asks for an expiry under a year away. The file is made from the
# settings the site runs with, so it is as current as they are; readers are
# told to look again within this time.
VALID_FOR = timedelta(days=180)


def security_contact() -> str:
    """SECURITY_CONTACT as a URI, else the site's sender address as mailto:."""
    contact = settings.SECURITY_CONTACT.strip()
    if not contact:
        contact = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    if contact.startswith(("mailto:", "https:", "tel:")):
        return contact
    return f"mailto:{contact}"


@require_GET
@cache_control(max_age=86400, public=True)
def security_txt(request: HttpRequest) -> HttpResponse:
    expires = (timezone.now() + VALID_FOR).replace(microsecond=0)
    lines = [
        f"Contact: {security_contact()}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: {absolute_url(request.path)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
