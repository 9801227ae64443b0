import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.quick_exit import cover_your_tracks
from home.security.media import serve_image
from home.security.security_txt import security_txt
from home.site_files import robots_txt, static_icon, web_app_manifest
from opportunities.alerts import views as alerts
from opportunities.link_again.views import link_again, link_again_sent
from payments.feedback.partner_response import partner_response
from payments.feedback.views import feedback_page
from privacy.contact_wishes.links import open_message_link
from signin.password_reset import RateLimitedPasswordResetView

urlpatterns = [
    # Wagtail's password-reset page, rate-limited (signin.password_reset): the
    # same URL and name, matched before Wagtail's own.
    path(
        "admin/password_reset/",
        RateLimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("manifest.webmanifest", web_app_manifest, name="web_app_manifest"),
    path("favicon.ico", static_icon("favicon.ico")),
    path("apple-touch-icon.png", static_icon("apple-touch-icon.png")),
    path("cover-your-tracks/", cover_your_tracks, name="cover_your_tracks"),
    # The neutral private link in neutral messages (privacy/contact_wishes/links.py).
    path("m/<str:token>/", open_message_link, name="private_message_link"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    # "Send me my link again" (opportunities/link_again/).
    path("your-link/", link_again, name="link_again"),
    path("your-link/sent/", link_again_sent, name="link_again_sent"),
    # What selected people say after their last session (payments/feedback/).
    path("feedback/<str:token>/", feedback_page, name="payments_feedback"),
    path(
        "partner-record/<str:token>/response/", partner_response, name="payments_partner_response"
    ),
    # Alerts on a saved search: the private pages behind an alert's link (opportunities/alerts/).
    path("your-alerts/<str:token>/", alerts.manage, name="alert_manage"),
    path("your-alerts/<str:token>/confirm/", alerts.confirm, name="alert_confirm"),
    path("your-alerts/<str:token>/not-me/", alerts.not_me, name="alert_not_me"),
    path("your-alerts/<str:token>/unsubscribe/", alerts.unsubscribe, name="alert_unsubscribe"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

serves_media = settings.DEBUG or getattr(settings, "SERVE_MEDIA", False)
if serves_media and settings.MEDIA_URL.startswith("/"):
    # One-machine installs serve uploaded images from MEDIA_ROOT; larger ones
    # put media in object storage (see README) and set SERVE_MEDIA=false.
    # Images only: documents go through Wagtail's document view above.
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.+)$", serve_image, name="media_image")]

urlpatterns += [path("", include(wagtail_urls))]
