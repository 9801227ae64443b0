"""Replace Wagtail's placeholder "Welcome" page with our HomePage.

So every fresh database (and every test database) starts with a working
home page at /, before any demo content is loaded.
"""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    # Wagtail's own initial data creates a plain "Welcome" page at depth 2.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    if HomePage.objects.exists():
        return

    homepage_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale = Locale.objects.order_by("pk").first()
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    # treebeard paths are four characters a level; take the next free slot under the root.
    sibling_paths = Page.objects.filter(depth=2).values_list("path", flat=True)
    next_number = 1 + max((int(path[4:8], 36) for path in sibling_paths), default=0)
    path = root.path + _to_base36(next_number).rjust(4, "0")
    homepage = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=homepage_content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=locale.pk if locale else None,
        hero_heading="Paid opportunities to change services, led by lived experience",
        featured_heading="Paid opportunities open now",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", root_page_id=homepage.pk, is_default_site=True)


def _to_base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
