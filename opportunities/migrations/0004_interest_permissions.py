"""Only the Personal data group may see and follow up expressions of interest.

Editors and Moderators get nothing here on purpose: interest in an
opportunity can reveal someone's health, past or circumstances. Superusers
see everything anyway. Nobody is given "add": records come only from the
public form. The group may also edit the status-message templates.
"""

from django.db import migrations

CODENAMES = [
    "view_expressionofinterest",
    "change_expressionofinterest",
    "delete_expressionofinterest",
    "change_interestmessages",
]


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
    dependencies = [
        ("opportunities", "0003_expressions_of_interest"),
        ("home", "0003_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
