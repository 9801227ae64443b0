"""Only Ladder managers may add, change or delete rungs.

Editors and Moderators get nothing here: the ladder is the organisation's
own statement of what participation means, so its wording is kept to the
people trusted with it.
"""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group, _ = Group.objects.get_or_create(name="Ladder managers")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="ladder",
            codename__in=[f"{action}_rung" for action in ACTIONS],
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group = Group.objects.filter(name="Ladder managers").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="ladder",
                codename__in=[f"{action}_rung" for action in ACTIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("ladder", "0001_initial"),
        ("home", "0003_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
