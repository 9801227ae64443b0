"""Who may do what with invitations, publication and the network report.

- Ladder managers create and revoke invitations, edit the invitation email,
  and read publication requests and the network report.
- Moderators approve or decline publication requests (and may read them and
  the report).
- Personal data may see lead contacts (and so the invitations themselves).
Editors get nothing here: a public rung needs a moderator's decision.
"""

from django.db import migrations

GRANTS = {
    "Ladder managers": [
        "add_invitation",
        "change_invitation",
        "view_invitation",
        "view_respondent",
        "view_publication",
        "view_network_report",
        "change_laddersettings",
    ],
    "Moderators": [
        "view_publication",
        "decide_publication",
        "view_network_report",
    ],
    "Personal data": [
        "view_invitation",
        "view_respondent",
        "view_lead_contact",
    ],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="ladder", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("ladder", "0005_invitations"),
        ("home", "0003_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
