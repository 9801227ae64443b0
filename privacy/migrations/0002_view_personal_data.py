"""One permission that means "may see people's personal data", given to the
*Personal data* group.

Before this, the group was recognised three ways: by its name, by
``ladder.view_lead_contact`` and by the expressions of interest's model
permissions. ``ladder.0007`` hands over the lead-contact permission's grants
and removes it.
"""

from django.db import migrations

CODENAME = "view_personal_data"
NAME = "Can see people's personal data"
GROUP = "Personal data"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="privacy", model="personaldataaccess"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(permission)


def withdraw(apps, schema_editor):
    # Only the grant goes: the permission row stays, unused, like any permission
    # Django no longer declares (deleting it here would cascade through models
    # of other apps as they stood at this migration).
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    ids = Permission.objects.filter(
        content_type__app_label="privacy", codename=CODENAME
    ).values_list("pk", flat=True)
    Group.permissions.through.objects.filter(
        group__name=GROUP, permission_id__in=list(ids)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_personal_data_access_from_home"),
        ("home", "0003_groups"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="personaldataaccess",
            options={
                "ordering": ["-when"],
                "permissions": [(CODENAME, NAME)],
                "verbose_name": "personal data access",
                "verbose_name_plural": "personal data access log",
            },
        ),
        migrations.RunPython(grant, withdraw),
    ]
