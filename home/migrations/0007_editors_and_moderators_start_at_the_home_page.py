"""Editors' and Moderators' page permissions move from Root to the home page.

Wagtail gives both groups their page permissions on Root, so their page
explorer opened at "Root" with "Configure a site now". Held on the home page
instead, the explorer opens there; everything they could do on the site's
pages stays the same. Superusers keep seeing Root.
"""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def home_page_id(apps):
    Site = apps.get_model("wagtailcore.Site")
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_page_id
    home = apps.get_model("home.HomePage").objects.order_by("pk").first()
    return home.pk if home else None


def move(apps, from_root):
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Page = apps.get_model("wagtailcore.Page")
    home_id = home_page_id(apps)
    root = Page.objects.filter(depth=1).order_by("path").first()
    if home_id is None or root is None:
        return
    source, target = (root.pk, home_id) if from_root else (home_id, root.pk)
    for grant in GroupPagePermission.objects.filter(group__name__in=GROUPS, page_id=source):
        GroupPagePermission.objects.get_or_create(
            group_id=grant.group_id, page_id=target, permission_id=grant.permission_id
        )
        grant.delete()


def to_home_page(apps, schema_editor):
    move(apps, from_root=True)


def back_to_root(apps, schema_editor):
    move(apps, from_root=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_personal_data_access_moves_to_privacy"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_home_page, back_to_root)]
