"""Permissions-Policy and Cross-Origin-Resource-Policy on every response.

Django 5.2 sends neither. Features the site never uses are denied to every
page and frame, so a script that did get in could not ask for the camera,
the microphone or a location.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def permissions_policy(features: dict[str, list[str]]) -> str:
    """``camera=(), geolocation=(self)`` from ``{"camera": [], "geolocation": ["self"]}``."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.permissions_policy = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
