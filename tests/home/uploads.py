"""Files for upload tests: real images made with Pillow, and files that carry
a script in every form a careless or hostile uploader might try."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

# What each hostile file tries to do if a browser ever runs it as a page on
# the site: tell the test (a binding the browser test exposes) and leave a
# cookie on the site's origin.
SCRIPT = (
    b"<script>window.ranScript && window.ranScript(location.href);"
    b'document.cookie = "ran_script=yes; path=/";</script>'
)
HTML_PAGE = b"<!DOCTYPE html><html><body><h1>Hello</h1>" + SCRIPT + b"</body></html>"
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<rect width="10" height="10"/><script><![CDATA[window.ranScript && '
    b'window.ranScript(location.href); document.cookie = "ran_script=yes; path=/";]]></script>'
    b"</svg>"
)


def image_bytes(width=40, height=30, format="PNG", mode="RGB"):
    buffer = BytesIO()
    PILImage.new(mode, (width, height), "#1d70b8" if mode == "RGB" else 1).save(
        buffer, format=format
    )
    return buffer.getvalue()


def png_carrying_a_script():
    """A valid PNG with an HTML page after its end: image readers accept it,
    and a browser that sniffed it as HTML would run the script."""
    return image_bytes() + HTML_PAGE


def pdf_bytes(text="Paying people: our guide", script=b""):
    """A one-page PDF showing ``text``; with ``script``, an OpenAction that runs it."""
    stream = b"BT /F1 24 Tf 72 720 Td (" + text.encode() + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R" + (b" /OpenAction 5 0 R" if script else b"") + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Action /S /JavaScript /JS (" + script + b") >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)
