"""Uploads in an S3 bucket (config/settings/storage.py, docs/scaling.md).

Only image renditions (``images/``) are public: they are what pages show, and
Wagtail names each after its original, filter and a hash, so one never changes
under its name. Originals (``original_images/``) and documents
(``documents/``) stay private: documents reach people only through Wagtail's
document view, which checks the collection's privacy first.
"""

from storages.backends.s3 import S3Storage

PUBLIC_PREFIXES = ("images/",)


class MediaStorage(S3Storage):
    """django-storages' S3 backend, with a public ACL on renditions alone.

    ``public_acl`` empty (AWS_S3_PUBLIC_ACL=""): no object gets an ACL, for a
    bucket whose ACLs are turned off, where a bucket policy or the CDN's origin
    access allows ``images/*`` instead."""

    def __init__(self, public_acl="public-read", **settings):
        self.public_acl = public_acl
        super().__init__(**settings)

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        relative = name[len(self.location) :].lstrip("/") if self.location else name
        if self.public_acl and relative.startswith(PUBLIC_PREFIXES):
            parameters["ACL"] = self.public_acl
            # Renditions never change under one name: browsers and the CDN keep them.
            parameters["CacheControl"] = "public, max-age=31536000, immutable"
        return parameters
