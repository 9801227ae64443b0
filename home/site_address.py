"""The site's public address, from the one ``SITE_URL`` setting.

Wagtail writes a page's full address from the default Site record (host name
and port; port 443 means https), and links in emails from
``WAGTAILADMIN_BASE_URL``. Both follow ``SITE_URL``: settings copy it into
``WAGTAILADMIN_BASE_URL``, and ``apply_to_default_site`` writes it into the
Site after every ``migrate`` and from ``manage.py set_site_address``. So the
sitemap, the feeds, the structured data and every emailed link say the same
address, whatever host a request came in on.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORTS = {"http": 80, "https": 443}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"}  # noqa: S104


def site_url() -> str:
    """``SITE_URL`` without a trailing slash, e.g. ``https://copro.example.org``."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path_or_url: str) -> str:
    """``path_or_url`` on the site's address; a full URL (object storage) is kept."""
    if urlsplit(path_or_url).scheme:
        return path_or_url
    return site_url() + "/" + path_or_url.lstrip("/")


def host_and_port(url: str) -> tuple[str, int]:
    """The Site's ``(hostname, port)`` for ``url``; port 443 is how Wagtail says https."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"SITE_URL must be an http:// or https:// address such as "
            f"https://copro.example.org, not {url!r}."
        )
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured(
            "Wagtail writes https addresses only on port 443: give SITE_URL without a port."
        )
    return parts.hostname, port


def apply_to_default_site(url=None):
    """Give the default Site the host name and port of ``url`` (``SITE_URL``).

    Returns the Site, or None when there is none yet (a database being
    emptied between tests). Saving clears Wagtail's cache of site addresses.
    """
    from wagtail.models import Site

    hostname, port = host_and_port(url or site_url())
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def set_site_after_migrate(app_config, using="default", **kwargs):
    """post_migrate: the default Site follows SITE_URL on every deploy."""
    if app_config.name == "home" and using == "default":
        apply_to_default_site()


@register(Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    """``check --deploy`` warns while SITE_URL still names this machine."""
    hostname = urlsplit(site_url()).hostname or ""
    if hostname in LOCAL_HOSTS:
        return [
            Warning(
                f"SITE_URL is {site_url()!r}: links in emails, feeds, the sitemap and "
                "structured data would point at this machine.",
                hint="Set SITE_URL to the public address, e.g. https://copro.example.org.",
                id="home.W001",
            )
        ]
    return []
