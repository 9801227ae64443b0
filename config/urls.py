from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.quick_exit import cover_your_tracks
from privacy.contact_wishes.links import open_message_link

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("cover-your-tracks/", cover_your_tracks, name="cover_your_tracks"),
    # The neutral private link in neutral messages (privacy/contact_wishes/links.py).
    path("m/<str:token>/", open_message_link, name="private_message_link"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

elif getattr(settings, "SERVE_MEDIA", False):
    # One-machine installs serve uploads from MEDIA_ROOT; larger ones put media
    # in object storage (see README) and set SERVE_MEDIA=false.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]
