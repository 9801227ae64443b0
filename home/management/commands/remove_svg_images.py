"""Find the SVG images uploaded before SVG uploads were refused, and remove them.

An SVG is a document that can carry script; served from the site's own
address it would run with an editor's signed-in session. They are removed,
not converted: turning SVG into a raster image needs a renderer (a browser
engine or cairo) that the site does not ship, and a converted logo or chart
is better made again by whoever drew it. Pages that used one show no image
there until an editor chooses another; the list printed first says where.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model


def svg_images():
    Image = get_image_model()
    return list(Image.objects.filter(file__iendswith=".svg").order_by("pk"))


class Command(BaseCommand):
    help = (
        "List the SVG images uploaded before SVGs were refused, with where each is used; "
        "with --delete, remove them and their files."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help="Remove the images and their files."
        )

    def handle(self, *args, delete=False, **options):
        images = svg_images()
        if not images:
            self.stdout.write("No SVG images.")
            return
        for image in images:
            uses = len(image.get_usage())
            where = f"used in {uses} place{'s' if uses != 1 else ''}" if uses else "not used"
            self.stdout.write(f"#{image.pk} {image.title!r} ({image.file.name}): {where}")
        if not delete:
            self.stdout.write(
                f"{len(images)} SVG image(s) found. Replace the ones in use with PNG or JPEG "
                "images in the admin, then run again with --delete."
            )
            return
        with transaction.atomic():
            for image in images:
                image.delete()
        self.stdout.write(self.style.SUCCESS(f"Removed {len(images)} SVG image(s)."))
