"""The CDN in front of the site, from the environment (README "Configuration").

Wagtail's frontend cache purges a page's own address when it is published or
unpublished; home/page_cache/cdn.py purges every page that shows it too.
Any of the three may be set, or none (then nothing is purged).
"""

import os

from .environment import require


def frontend_cache_from_environment() -> dict[str, dict[str, str]]:
    backends = {}
    if location := os.environ.get("CDN_PURGE_URL", ""):
        # Varnish, nginx or any cache that takes HTTP PURGE requests.
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    if zone := os.environ.get("CLOUDFLARE_ZONE_ID", ""):
        token = os.environ.get("CLOUDFLARE_API_TOKEN", "")
        require("CLOUDFLARE_API_TOKEN", token)
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    if distribution := os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""):
        # Needs boto3, and AWS credentials in the usual AWS_* variables.
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_from_environment()
