"""Lead contacts are shown by the one personal-data permission
(``privacy.view_personal_data``), so ``ladder.view_lead_contact`` goes.

Whoever held it (the *Personal data* group, or anyone it was given to by
hand) is given the personal-data permission first, so nobody loses sight of
what they could see. Going back restores it to whoever holds the
personal-data permission.
"""

from django.conf import settings
from django.db import migrations

OLD = ("ladder", "view_lead_contact", "Can see the lead contacts of invitations")
NEW = ("privacy", "view_personal_data")


def permission_id(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        .values_list("pk", flat=True)
        .first()
    )


def hand_over(apps, source_id, target_id):
    """Give ``target`` to every group and user holding ``source``.

    Through the grant tables by id: the historical models of a migration
    being reversed may not match each other's classes."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Group = apps.get_model("auth", "Group")
    for grants, holder in (
        (Group.permissions.through, "group_id"),
        (User.user_permissions.through, "user_id"),
    ):
        for holder_id in grants.objects.filter(permission_id=source_id).values_list(
            holder, flat=True
        ):
            grants.objects.get_or_create(**{holder: holder_id, "permission_id": target_id})


def replace_lead_contact_permission(apps, schema_editor):
    old = permission_id(apps, *OLD[:2])
    if old is None:
        return
    new = permission_id(apps, *NEW)
    if new is not None:
        hand_over(apps, old, new)
    apps.get_model("auth", "Permission").objects.filter(pk=old).delete()


def restore_lead_contact_permission(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="ladder", model="invitation")
    old, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=OLD[1], defaults={"name": OLD[2]}
    )
    new = permission_id(apps, *NEW)
    if new is not None:
        hand_over(apps, new, old.pk)


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("ladder", "0006_invitation_permissions"),
        ("privacy", "0002_view_personal_data"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="invitation",
            options={
                "ordering": ["-created_at"],
                "permissions": [("view_network_report", "Can see the network report")],
                "verbose_name": "invitation",
            },
        ),
        migrations.RunPython(replace_lead_contact_permission, restore_lead_contact_permission),
    ]
