from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Answer 200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def csrf_failure(request, reason=""):
    """A form was sent with a missing or expired security token: say so kindly."""
    return render(
        request,
        "403_csrf.html",
        {"return_to": request.META.get("HTTP_REFERER", "") if _same_site(request) else ""},
        status=403,
    )


def _same_site(request):
    referer = request.META.get("HTTP_REFERER", "")
    return referer.startswith(request.build_absolute_uri("/"))
