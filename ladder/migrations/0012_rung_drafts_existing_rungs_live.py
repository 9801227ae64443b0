"""Rungs get drafts, revisions and previews; every existing rung stays live.

The new ``live`` field defaults to true, so each rung already on the ladder
stays published, with today as its first and last publication. Only Ladder
managers may publish a rung: the "publish" permission is made here (Wagtail
makes it after migrate otherwise) so the grant works on an empty database.
"""

import django.core.validators
import django.db.models.deletion
import ladder.colours
from django.db import migrations, models
from django.utils import timezone


def existing_rungs_are_live(apps, schema_editor):
    Rung = apps.get_model("ladder", "Rung")
    now = timezone.now()
    Rung.objects.update(
        live=True, has_unpublished_changes=False, first_published_at=now, last_published_at=now
    )


def ladder_managers_publish_rungs(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    rung_type, _ = ContentType.objects.get_or_create(app_label="ladder", model="rung")
    publish, _ = Permission.objects.get_or_create(
        content_type=rung_type, codename="publish_rung", defaults={"name": "Can publish rung"}
    )
    managers, _ = Group.objects.get_or_create(name="Ladder managers")
    managers.permissions.add(publish)


def withdraw_publish_permission(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(content_type__app_label="ladder", codename="publish_rung").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ladder", "0011_scoring_rule"),
        ("wagtailcore", "0098_apitoken"),
        ("home", "0003_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="rung",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="rung",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="rung",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        migrations.AddField(
            model_name="rung",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="rung",
            name="has_unpublished_changes",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        migrations.AddField(
            model_name="rung",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="rung",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="rung",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="rung",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.AlterField(
            model_name="rung",
            name="colour",
            field=models.CharField(
                default="#1d70b8",
                help_text="A colour for this rung on the ladder and on charts. It must be dark enough for the rung's number in white on it (4.5:1) and for chart bars on the page (3:1). Colour is always shown with the rung's name, never on its own.",
                max_length=7,
                validators=[
                    django.core.validators.RegexValidator(
                        "^#[0-9a-fA-F]{6}$",
                        "Enter a colour as # and six letters or digits, like #1d70b8.",
                    ),
                    ladder.colours.validate_rung_colour,
                ],
            ),
        ),
        migrations.RunPython(existing_rungs_are_live, migrations.RunPython.noop),
        migrations.RunPython(ladder_managers_publish_rungs, withdraw_publish_permission),
    ]
