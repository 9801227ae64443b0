"""The Content Security Policy for each part of the site (django-csp 4).

Public pages get ``CONTENT_SECURITY_POLICY_PUBLIC``: strict and nonce-free, so
one cached page is right for every visitor. The Wagtail admin gets
``CONTENT_SECURITY_POLICY_ADMIN``, which allows inline scripts and styles
because Wagtail's own templates need them (see the settings). Responses that
carry their own policy keep it: Wagtail's document view (``default-src 'none'``)
and the media view (home/security/media.py).
"""

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

# Wagtail's preview views mark their responses X-Frame-Options: SAMEORIGIN so
# the editor can show them in a frame; every other response may not be framed.
FRAMEABLE_BY_THE_SITE = "SAMEORIGIN"


def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def policy_for(path: str) -> dict[str, list[str]]:
    """The admin's policy under the admin's address, the public one everywhere else."""
    if path.startswith(admin_prefix()):
        return dict(settings.CONTENT_SECURITY_POLICY_ADMIN)
    return dict(settings.CONTENT_SECURITY_POLICY_PUBLIC)


def shown_in_the_editors_frame(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A preview: Wagtail renders the page for a dummy request (``is_dummy``)
    at the page's public address, then hands that response, policy and all, to
    the editor's frame. So it keeps the public policy, framed by the site."""
    return (
        getattr(request, "is_dummy", False)
        or response.get("X-Frame-Options", "").upper() == FRAMEABLE_BY_THE_SITE
    )


def directives_for(request: HttpRequest, response: HttpResponseBase) -> dict[str, list[str]]:
    directives = policy_for(request.path_info)
    if shown_in_the_editors_frame(request, response):
        directives["frame-ancestors"] = [SELF]
    else:
        directives["frame-ancestors"] = [NONE]
    if settings.CONTENT_SECURITY_POLICY_REPORT_URI:
        directives["report-uri"] = [settings.CONTENT_SECURITY_POLICY_REPORT_URI]
    return directives


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the policy chosen by path.

    ``CSP_REPORT_ONLY=true`` sends the same policy as
    Content-Security-Policy-Report-Only instead. django-csp's view decorators
    (``csp_update``, ``csp_replace``, ``csp_exempt``) still work on top.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is None:
            sends_this_header = report_only != settings.CONTENT_SECURITY_POLICY_ENFORCED
            # An empty config sends no header (None would fall back to django-csp's
            # own CONTENT_SECURITY_POLICY settings, which this site does not use).
            parts.config = directives_for(request, response) if sends_this_header else {}
        return parts
