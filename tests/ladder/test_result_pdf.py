"""The result as a PDF: it opens in a PDF reader, with every rung as text and its chart."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from pypdf import PdfReader
from pypdf.generic import ContentStream

from ladder.models import Rung
from tests.ladder.journey_helpers import complete, start, url

pytestmark = pytest.mark.django_db


def filled_shapes(reader):
    """How many filled and outlined vector shapes each fill colour draws (the
    ladder's swatches and the chart's bars are such shapes; text is not)."""
    colours = Counter()
    for page in reader.pages:
        current = None
        for operands, operator in page.get_contents().operations:
            if operator == b"rg":
                current = "#" + "".join(f"{round(float(v) * 255):02x}" for v in operands)
            elif operator in (b"B", b"B*"):
                colours[current] += 1
    return colours


def drawing_text_colours(reader):
    """How many pieces of text the embedded drawings (the ladder's SVG
    swatches) write in each fill colour."""
    colours = Counter()

    def walk(owner):
        resources = owner.get("/Resources")
        drawings = resources.get_object().get("/XObject") if resources else None
        for drawing in drawings.get_object().values() if drawings else ():
            drawing = drawing.get_object()
            if drawing.get("/Subtype") != "/Form":
                continue
            current = None
            for operands, operator in ContentStream(drawing, reader).operations:
                if operator == b"rg":
                    current = "#" + "".join(f"{round(float(v) * 255):02x}" for v in operands)
                elif operator in (b"Tj", b"TJ"):
                    colours[current] += 1
            walk(drawing)

    for page in reader.pages:
        walk(page)
    return colours


def test_the_result_downloads_as_a_pdf_with_its_rungs_and_chart(client, assessment_page, rungs):
    for rung in rungs:  # a colour of its own for each rung, to find the chart's bars
        Rung.objects.filter(pk=rung.pk).update(colour=f"#0{rung.level}3{rung.level}5{rung.level}")
    token, assessment = complete(client, picks={1: 0, 2: 0, 3: 2})
    page = client.get(url(token, "result/"))
    assert f'href="{url(token, "pdf/")}"' in page.content.decode()

    response = client.get(url(token, "pdf/"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"].startswith("no-store")
    assert response["Content-Disposition"].startswith('attachment; filename="self-assessment-')
    reader = PdfReader(io.BytesIO(response.content))
    words = " ".join(page.extract_text() for page in reader.pages)
    overall = assessment.result["overall"]
    assert "Your overall rung" in words
    assert f"Rung {overall['level']}: {overall['name']}" in words
    themes = assessment.result["themes"]
    for theme in themes:
        assert theme["name"] in words
        assert f"Rung {theme['rung']['level']}: {theme['rung']['name']}" in words
    # The chart: one bar per theme in its rung's colour, beside that rung's
    # swatch on the ladder; a rung no theme is on has its swatch only.
    shapes = filled_shapes(reader)
    on_rung = Counter(theme["rung"]["level"] for theme in themes)
    for level in range(1, 9):
        assert shapes[f"#0{level}3{level}5{level}"] == 1 + on_rung[level], level
    # Each swatch's rung number is written in white on it, as on the page.
    numbers = drawing_text_colours(reader)
    assert set(numbers) == {"#ffffff"} and numbers["#ffffff"] >= 8


def test_a_draft_has_no_pdf_and_a_bad_link_finds_nothing(client, assessment_page):
    token = start(client)
    response = client.get(url(token, "pdf/"))
    assert response.status_code == 302 and response["Location"].endswith("/check/")
    assert client.get(url("x" * 30, "pdf/")).status_code == 404


def test_the_sample_pdf_renders_welsh_letters(tmp_path):
    """What scripts/check_pdf.sh runs in CI and in the Docker build."""
    output = tmp_path / "sample.pdf"
    call_command("check_result_pdf", str(output), stdout=io.StringIO())
    words = " ".join(page.extract_text() for page in PdfReader(output).pages)
    assert "Gwasanaeth Tŷ Ŵyn" in words
    assert "Rhannu grŵp" in words


def test_ci_and_the_docker_image_run_the_same_pdf_check():
    from django.conf import settings

    root = settings.BASE_DIR
    assert "scripts/check_pdf.sh" in (root / ".ci" / "run").read_text()
    dockerfile = (root / "Dockerfile").read_text()
    assert "scripts/check_pdf.sh" in dockerfile
    # After the code and the virtual environment are in place, before the non-root user.
    assert dockerfile.index("COPY --from=build /opt/venv") < dockerfile.index("check_pdf.sh")
    assert dockerfile.index("check_pdf.sh") < dockerfile.index("USER copro")
