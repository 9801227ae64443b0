"""Uploaded images served by the app itself (``SERVE_MEDIA``, one-machine installs).

Only images: the files of Wagtail's images and their renditions, with a
raster image's extension. Documents are served only through Wagtail's
document view (collection privacy, its own headers), so anything else under
MEDIA_ROOT is "not found" here. Each image goes out with nosniff, as the type
its extension names, and a policy under which even a file that is secretly
HTML or script could run nothing: no scripts, no plugins, a sandbox.
"""

import mimetypes
from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseBase
from django.views.static import serve

# Wagtail keeps originals in original_images/ and renditions in images/.
IMAGE_FOLDERS = ("original_images", "images")
# Nothing may load or run; the browser's own viewer for an opened image styles
# itself inline, so inline styles (and only they) are allowed.
UPLOAD_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def image_content_type(path: str) -> str | None:
    """The image type a served file's extension names, or None if it may not be served."""
    parts = PurePosixPath(path).parts
    if len(parts) != 2 or parts[0] not in IMAGE_FOLDERS:
        return None
    extension = PurePosixPath(parts[1]).suffix.lower().lstrip(".")
    if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
        return None
    content_type, _encoding = mimetypes.guess_type(parts[1])
    if not content_type or not content_type.startswith("image/"):
        return None
    return content_type


def serve_image(request: HttpRequest, path: str) -> HttpResponseBase:
    content_type = image_content_type(path)
    if content_type is None:
        raise Http404("Only images are served from here.")
    response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = UPLOAD_POLICY
    return response
