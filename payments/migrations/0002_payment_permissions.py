"""Only the Personal data group may see and record payments and participants'
answers (they say who took part in what). It may also edit the feedback
messages. Editors and Moderators get nothing here on purpose."""

from django.db import migrations

CODENAMES = [
    "add_payment",
    "view_payment",
    "change_payment",
    "delete_payment",
    "view_feedback",
    "view_partnerresponse",
    "change_feedbackmessages",
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
        *Permission.objects.filter(content_type__app_label="payments", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name="Personal data"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="payments", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0001_initial"),
        ("home", "0003_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
