"""Media (uploaded images and documents) on object storage, set by environment
variables alone (docs/scaling.md, "Media on object storage").

Without ``AWS_STORAGE_BUCKET_NAME`` uploads stay on the app's own disk
(MEDIA_ROOT), as before. With it, django-storages' S3 backend keeps originals,
renditions and documents in the bucket, on S3 or any S3-compatible service
(``AWS_S3_ENDPOINT_URL``).

- Only renditions (``images/``, what pages show) are public; originals and
  documents stay private (home/media_storage.py). URLs carry no signature, so
  pages and renditions can be cached by a CDN.
- Documents never leave through a bucket URL: Wagtail's document view
  (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``, security.py) checks the
  collection's privacy and streams the file itself. Wagtail's default with
  remote storage would be ``redirect``, handing anyone a private document's
  bucket address.
"""

import os

from .environment import env_int


def object_storage():
    """The default storage's settings for the bucket, or None without one."""
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return None
    options = {
        "bucket_name": bucket,
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "access_key": os.environ.get("AWS_S3_ACCESS_KEY_ID")
        or os.environ.get("AWS_ACCESS_KEY_ID")
        or None,
        "secret_key": os.environ.get("AWS_S3_SECRET_ACCESS_KEY")
        or os.environ.get("AWS_SECRET_ACCESS_KEY")
        or None,
        # The CDN or media origin's host name (e.g. media.copro.example.org):
        # image URLs then name it instead of the bucket.
        "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "location": os.environ.get("AWS_LOCATION", ""),
        "default_acl": None,
        "querystring_auth": False,
        # Two uploads of "photo.jpg" never overwrite each other.
        "file_overwrite": False,
        # The ACL given to renditions (home/media_storage.py); empty for a
        # bucket with ACLs turned off and a bucket policy for images/ instead.
        "public_acl": os.environ.get("AWS_S3_PUBLIC_ACL", "public-read"),
        "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
        "signature_version": "s3v4",
        "max_memory_size": env_int("AWS_S3_MAX_MEMORY_SIZE", 5 * 1024 * 1024),
    }
    return {
        "BACKEND": "home.media_storage.MediaStorage",
        "OPTIONS": {name: value for name, value in options.items() if value is not None},
    }


def media_url_for(storage, default):
    """Where uploads are read from, for the Content Security Policies' img-src."""
    if storage is None:
        return default
    options = storage["OPTIONS"]
    if options.get("custom_domain"):
        return f"https://{options['custom_domain']}/"
    if options.get("endpoint_url"):
        return f"{options['endpoint_url'].rstrip('/')}/{options['bucket_name']}/"
    region = f".{options['region_name']}" if options.get("region_name") else ""
    return f"https://{options['bucket_name']}.s3{region}.amazonaws.com/"
