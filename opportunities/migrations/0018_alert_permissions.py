"""The Personal data group edits the alert messages, as it does the interest
messages. Nobody sees the alerts themselves in the admin, only counts
(subject-access and erasure go through the privacy tools)."""

from django.db import migrations

CODENAMES = ["change_alertmessages"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group, _ = Group.objects.get_or_create(name="Personal data")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="opportunities", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name="Personal data"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="opportunities", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0017_search_alerts")]

    operations = [migrations.RunPython(grant, revoke)]
