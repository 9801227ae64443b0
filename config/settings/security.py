"""Security settings every environment shares: uploads that can never run
script, the Content Security Policies, the other headers and cookies.

``base.py`` imports this module; what each setting protects is in
docs/security.md.
"""

import os
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .environment import env_bool

# ---------------------------------------------------------------------------
# Uploads that can never run script (see docs/security.md)
# ---------------------------------------------------------------------------
# No SVG: an SVG is a document that can carry script, and it would be served
# from the site's own address. `manage.py remove_svg_images` removes any
# uploaded before this rule.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A 48-megapixel phone photo fits; a decompression bomb does not.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents only through Wagtail's view, which checks collection privacy and
# sends `Content-Security-Policy: default-src 'none'` and nosniff; only PDFs
# open in the browser, everything else downloads.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# No Gravatar: the admin would send a hash of each editor's email address to a
# third party, and the admin's Content Security Policy allows no such images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# ---------------------------------------------------------------------------
# Content Security Policy (django-csp 4), chosen per path by
# home.security.content_policy.ContentSecurityPolicyMiddleware; base.py builds
# CONTENT_SECURITY_POLICY_PUBLIC and _ADMIN with content_security_policies().
# ---------------------------------------------------------------------------


def origin_of(url):
    """'https://cdn.example.org' for an absolute URL, nothing for a path on this site."""
    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


def content_security_policies(static_url, media_url):
    """The public policy and the admin's, as django-csp directives.

    Static files and uploads may come from a CDN or object storage: their
    origins are added for what each serves (uploads: images only).
    """
    static_origin, media_origin = origin_of(static_url), origin_of(media_url)
    # Public pages: strict and nonce-free, so a cached page is valid for
    # everyone. Scripts and styles only from files; no inline code, no eval.
    public = {
        "default-src": [SELF],
        "script-src": [SELF, *static_origin],
        "style-src": [SELF, *static_origin],
        "img-src": [SELF, *static_origin, *media_origin],
        "font-src": [SELF, *static_origin],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        # Becomes 'self' on Wagtail's previews (home.security.content_policy);
        # 'none' everywhere else.
        "frame-ancestors": [NONE],
    }
    # The admin (/admin/): Wagtail 8's own templates emit inline scripts (inline
    # panels, multiple-chooser panels, date and time widgets) and inline styles,
    # with no nonce hook, and a nonce would make browsers ignore 'unsafe-inline'.
    # So the admin allows inline scripts and styles, and nothing else is loosened.
    admin = {
        **public,
        "script-src": [SELF, UNSAFE_INLINE, *static_origin],
        "style-src": [SELF, UNSAFE_INLINE, *static_origin],
        # Wagtail's image previews before upload (blob:) and a few icons (data:).
        "img-src": [SELF, "data:", "blob:", *static_origin, *media_origin],
    }
    return public, admin


# CSP_REPORT_ONLY=true sends both policies as Content-Security-Policy-Report-Only,
# for a first deployment: browsers report what they would block and block nothing.
CONTENT_SECURITY_POLICY_ENFORCED = not env_bool("CSP_REPORT_ONLY", False)
CONTENT_SECURITY_POLICY_REPORT_URI = os.environ.get("CSP_REPORT_URI", "")

# ---------------------------------------------------------------------------
# Other security headers (home.security.headers) and security.txt
# ---------------------------------------------------------------------------
# Browser features the site never uses, denied to every page and frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# Other sites may not embed our pages, images or files (no hotlinking of
# uploads, no cross-site reads through side channels).
CROSS_ORIGIN_RESOURCE_POLICY = os.environ.get("CROSS_ORIGIN_RESOURCE_POLICY", "same-origin")
# /.well-known/security.txt (RFC 9116): who to tell about a vulnerability.
# A mailto: or https: address; a plain email address is taken as mailto:.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "")
# The CSRF cookie lasts as long as the browser session, never a year.
CSRF_COOKIE_AGE = None
