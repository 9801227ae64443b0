"""Pictures for demo content, drawn on the spot (no downloads)."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model


def demo_image(title, colour, accent="#f2c14e", size=(960, 640), initials=""):
    """Return the demo image called ``title``, drawing it the first time.

    Shapes in the project's colours, and initials where given (for logos).
    Running twice finds the first one, so demo loading stays idempotent.
    """
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = size
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((width * 0.55, height * 0.1, width * 1.1, height * 0.9), fill=accent)
    draw.rectangle((0, height * 0.75, width, height), fill="#ffffff")
    if initials:
        draw.text((width * 0.12, height * 0.3), initials, fill="#ffffff", font_size=int(height / 3))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    filename = "".join(c if c.isalnum() else "-" for c in title.lower()) + ".png"
    image = Image(title=title)
    image.file.save(filename, ImageFile(buffer, name=filename), save=False)
    image.save()
    return image
