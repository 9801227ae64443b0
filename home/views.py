from django.shortcuts import render


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
