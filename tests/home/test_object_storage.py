"""Media on object storage, set by environment variables alone
(config/settings/storage.py, docs/scaling.md).

The bucket here is moto's S3 server, started by the test on a loopback port:
it stands in for the real service (Amazon S3 or any S3-compatible one) and
speaks the same API; what the
a real bucket's own settings (Block Public Access, a bucket policy) are
not tested here: only the object ACLs this site sets, which moto enforces for
requests without credentials.

An editor uploads an image and a private collection's document in the admin;
the home page shows the image from the bucket's address (renditions stored
there), and the document is refused to a visitor and never handed out as a
bucket address: Wagtail's document view streams it to those allowed.
"""

import urllib.error
import urllib.request

import boto3
import pytest
from django.test import Client
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from config.settings.security import content_security_policies
from config.settings.storage import media_url_for, object_storage
from tests.conftest import default_home_page
from tests.home.uploads import image_bytes, pdf_bytes, upload

BUCKET = "copro-media-test"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-west-2",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",  # noqa: S106 - moto accepts any key
    ).create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    yield endpoint
    server.stop()


@pytest.fixture
def bucket_media(s3_endpoint, settings, monkeypatch):
    """The settings production builds from these environment variables."""
    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
    }.items():
        monkeypatch.setenv(name, value)
    storage = object_storage()
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    # (MEDIA_URL, which production sets to the bucket's address for the Content
    # Security Policy, is left alone: the URLconf is built once per process.)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-west-2",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",  # noqa: S106
    )
    return f"{s3_endpoint}/{BUCKET}/", client


def keys(client, prefix):
    listed = client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for item in listed.get("Contents", [])]


@pytest.mark.django_db
def test_uploads_live_in_the_bucket_and_private_documents_never_leave_by_its_address(
    bucket_media, editor_client
):
    visitor = Client()
    bucket_url, s3 = bucket_media
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )

    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Workshop",
            "file": upload("workshop.png", image_bytes(1400, 900)),
            "collection": root.pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Minutes",
            "file": upload("minutes.pdf", pdf_bytes("Minutes")),
            "collection": private.pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    image = get_image_model().objects.get(title="Workshop")
    document = get_document_model().objects.get(title="Minutes")
    assert keys(s3, "original_images/") == [image.file.name]
    assert keys(s3, "documents/") == [document.file.name]
    assert document.collection == private, document.collection

    home = default_home_page()
    home.hero_image = image
    home.save_revision().publish()

    html = visitor.get("/").content.decode()
    # The picture's sources are the bucket's addresses of renditions made and
    # stored there, and the bucket serves them.
    assert f'src="{bucket_url}images/' in html
    renditions = keys(s3, "images/")
    assert renditions
    with urllib.request.urlopen(f"{bucket_url}{renditions[0]}", timeout=10) as served:  # noqa: S310
        assert served.headers["Content-Type"].startswith("image/")
        assert served.headers["Cache-Control"] == "public, max-age=31536000, immutable"

    # The document's link is the site's own document view, never the bucket...
    assert document.url.startswith("/documents/")
    assert BUCKET not in document.url
    # ...which refuses a visitor (sign in first) and gives nothing away...
    refused = visitor.get(document.url)
    assert refused.status_code == 302
    assert refused["Location"].startswith(reverse("wagtailcore_login"))
    assert BUCKET not in refused["Location"]
    # ...nor does the bucket hand out the document, or the image's original.
    for private_key in (document.file.name, image.file.name):
        with pytest.raises(urllib.error.HTTPError) as refused_by_bucket:
            urllib.request.urlopen(f"{bucket_url}{private_key}", timeout=10)  # noqa: S310
        assert refused_by_bucket.value.code == 403
    # ...and streams the file from the bucket to someone allowed, with its own headers.
    allowed = editor_client.get(document.url)
    assert allowed.status_code == 200
    assert b"".join(allowed.streaming_content).startswith(b"%PDF")
    assert allowed["Content-Security-Policy"] == "default-src 'none'"


def test_the_bucket_is_set_entirely_by_environment_variables(monkeypatch):
    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": "copro-media",
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_S3_CUSTOM_DOMAIN": "media.copro.example.org",
        "AWS_ACCESS_KEY_ID": "key-id",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }.items():
        monkeypatch.setenv(name, value)
    storage = object_storage()
    assert storage["BACKEND"] == "home.media_storage.MediaStorage"
    assert storage["OPTIONS"]["bucket_name"] == "copro-media"
    assert storage["OPTIONS"]["custom_domain"] == "media.copro.example.org"
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert media_url_for(storage, "/media/") == "https://media.copro.example.org/"
    # Pages may show images from there, and only images.
    public, _admin = content_security_policies("/static/", media_url_for(storage, "/media/"))
    assert public["img-src"] == ["'self'", "https://media.copro.example.org"]
    assert "https://media.copro.example.org" not in public["script-src"]

    monkeypatch.delenv("AWS_S3_CUSTOM_DOMAIN")
    assert media_url_for(object_storage(), "/media/") == (
        "https://copro-media.s3.eu-west-2.amazonaws.com/"
    )
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME")
    assert object_storage() is None
