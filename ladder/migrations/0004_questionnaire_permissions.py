"""Ladder managers build and publish the questionnaire and read assessments.

Personal data may read assessments too (contact emails are shown only to
that group). Editors and Moderators get nothing: they cannot change the
questionnaire. The "publish" permission is normally made after migrate by
Wagtail; it is made here so the grant works on an empty database.
"""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    questionnaire_type, _ = ContentType.objects.get_or_create(
        app_label="ladder", model="questionnaire"
    )
    Permission.objects.get_or_create(
        content_type=questionnaire_type,
        codename="publish_questionnaire",
        defaults={"name": "Can publish questionnaire"},
    )
    managers, _ = Group.objects.get_or_create(name="Ladder managers")
    managers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="ladder",
            codename__in=[
                "add_questionnaire",
                "change_questionnaire",
                "delete_questionnaire",
                "view_questionnaire",
                "publish_questionnaire",
                "view_selfassessment",
            ],
        )
    )
    personal_data, _ = Group.objects.get_or_create(name="Personal data")
    personal_data.permissions.add(
        *Permission.objects.filter(content_type__app_label="ladder", codename="view_selfassessment")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ladder", "0003_questionnaire_pages_assessments"),
        ("home", "0003_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
