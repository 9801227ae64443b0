"""Uploads that can never run script: what the admin refuses, what the media
route serves (images only, as images), how documents are served, and the
command that removes SVGs uploaded before they were refused."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.home.uploads import (
    HTML_PAGE,
    SVG_WITH_SCRIPT,
    image_bytes,
    pdf_bytes,
    png_carrying_a_script,
    upload,
)

Image = get_image_model()
Document = get_document_model()


def add_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Workshop",
            "file": upload(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def add_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Guide",
            "file": upload(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def field_errors(response, field="file"):
    return response.context["form"].errors.get(field, [])


@pytest.mark.django_db
def test_an_svg_upload_is_refused_beside_the_file_field(editor_client):
    response = add_image(editor_client, "logo.svg", SVG_WITH_SCRIPT)

    assert response.status_code == 200
    assert field_errors(response) == [
        "Not a supported image format. Supported formats: GIF, JPG, JPEG, PNG, WEBP."
    ]
    assert "Not a supported image format" in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_a_page_renamed_as_an_image_is_refused(editor_client):
    response = add_image(editor_client, "photo.png", HTML_PAGE)

    assert field_errors(response)
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_an_image_over_the_size_limit_is_refused(editor_client, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    too_big = image_bytes() + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

    response = add_image(editor_client, "photo.png", too_big)

    assert "This file is too big" in field_errors(response)[0]
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_an_image_with_too_many_pixels_is_refused(editor_client, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 50_000_000
    # 8,000 x 7,000 = 56 million pixels, in a few kilobytes of PNG.
    bomb = image_bytes(8000, 7000, mode="1")

    response = add_image(editor_client, "photo.png", bomb)

    assert "This file has too many pixels" in field_errors(response)[0]
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_a_document_over_the_size_limit_is_refused_and_one_under_it_is_kept(
    editor_client, settings
):
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert limit == 20 * 1024 * 1024

    response = add_document(editor_client, "guide.pdf", pdf_bytes() + b"\0" * limit)

    assert "This file is too big" in field_errors(response)[0]
    assert not Document.objects.exists()

    response = add_document(editor_client, "guide.pdf", pdf_bytes())
    assert response.status_code == 302
    assert Document.objects.get().title == "Guide"


def stored_image(name="photo.png", content=None):
    return Image.objects.create(
        title="Workshop", file=ContentFile(content or image_bytes(), name), width=40, height=30
    )


def stored_document(name, content, collection=None):
    return Document.objects.create(
        title="Guide",
        file=ContentFile(content, name),
        collection=collection or Collection.get_first_root_node(),
    )


@pytest.mark.django_db
def test_the_media_route_serves_images_as_images_that_cannot_run_anything(client):
    image = stored_image(content=png_carrying_a_script())
    rendition = image.get_rendition("width-20")

    for url in (image.file.url, rendition.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == (
            "default-src 'none'; style-src 'unsafe-inline'; sandbox"
        )
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert b"".join(client.get(image.file.url).streaming_content).startswith(b"\x89PNG")


@pytest.mark.django_db
def test_the_media_route_serves_no_documents_and_no_svg(client):
    document = stored_document("guide.pdf", pdf_bytes())
    # As if uploaded before SVGs were refused.
    svg = stored_image("logo.svg", SVG_WITH_SCRIPT)

    for path in (
        document.file.url,
        svg.file.url,
        "/media/original_images/../documents/guide.pdf",
        "/media/original_images/",
        "/media/original_images/nested/photo.png",
    ):
        assert client.get(path).status_code == 404, path


@pytest.mark.django_db
def test_documents_go_through_wagtails_view_pdf_inline_others_downloaded(client):
    pdf = stored_document("guide.pdf", pdf_bytes())
    text = stored_document("notes.txt", HTML_PAGE)
    renamed = stored_document("page.csv", HTML_PAGE)

    response = client.get(pdf.url)
    assert pdf.url.startswith("/documents/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    for document in (text, renamed):
        response = client.get(document.url)
        assert response["Content-Disposition"].startswith("attachment"), document.filename
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_a_private_collections_document_is_not_reachable_round_the_back(client):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = stored_document("minutes.pdf", pdf_bytes(), collection=private)

    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))
    assert client.get(document.file.url).status_code == 404


@pytest.mark.django_db
def test_remove_svg_images_lists_where_each_is_used_then_removes_them(
    home_page, django_capture_on_commit_callbacks
):
    svg = stored_image("logo.svg", SVG_WITH_SCRIPT)
    photo = stored_image("photo.png")
    home_page.hero_image = svg
    home_page.save_revision().publish()
    storage, name = svg.file.storage, svg.file.name

    out = StringIO()
    call_command("remove_svg_images", stdout=out)

    assert f"#{svg.pk} 'Workshop' ({name}): used in 1 place" in out.getvalue()
    assert "run again with --delete" in out.getvalue()
    assert Image.objects.filter(pk=svg.pk).exists()

    out = StringIO()
    # Wagtail deletes the files once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remove_svg_images", "--delete", stdout=out)

    assert "Removed 1 SVG image(s)." in out.getvalue()
    assert list(Image.objects.all()) == [photo]
    assert not storage.exists(name)
    home_page.refresh_from_db()
    assert home_page.hero_image is None

    out = StringIO()
    call_command("remove_svg_images", stdout=out)
    assert out.getvalue() == "No SVG images.\n"
