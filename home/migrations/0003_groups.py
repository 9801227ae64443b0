"""The project's groups, beside Wagtail's own Editors and Moderators.

- Personal data: may see and export people's personal data (later issues
  grant the permissions on their own records).
- Ladder managers: may change the ladder and the questionnaire.

Wagtail's migrations already made Editors and Moderators (and the
"Moderators approval" workflow); they are given the shared taxonomies here,
and Moderators the site settings and navigation.
"""

from django.db import migrations

NEW_GROUPS = ["Personal data", "Ladder managers"]
TAXONOMIES = ["topic", "area", "sector", "accesssupport"]


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after migrate finishes; make them now so
    # this works on an empty database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in NEW_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)

    taxonomy_permissions = Permission.objects.filter(
        content_type__app_label="home",
        codename__in=[
            f"{action}_{model}"
            for model in TAXONOMIES
            for action in ("add", "change", "delete", "view")
        ],
    )
    settings_permissions = Permission.objects.filter(
        content_type__app_label="home",
        codename__in=["change_sitesettings", "change_navigationsettings"],
    )
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(*taxonomy_permissions)
        if name == "Moderators":
            group.permissions.add(*settings_permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=NEW_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
