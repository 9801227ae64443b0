"""A bare Django view, the ceiling of the stack: the same gunicorn settings,
one URL, no middleware, no database. ``bench/run.py`` serves it with
``gunicorn -c gunicorn.conf.py bench.bare_view:application``."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only-" + "x" * 50,  # noqa: S106 (a throwaway process on 127.0.0.1)
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
)


def bare(request):
    return HttpResponse("ok\n", content_type="text/plain")


urlpatterns = [path("", bare)]
application = get_wsgi_application()
