"""The personal data log moves from ``home`` to ``privacy`` with everything it had.

- Its rows: the table is renamed (``home_personaldataaccess`` becomes
  ``privacy_personaldataaccess``), never copied.
- Its content type is renamed in place (``app_label`` ``home`` becomes
  ``privacy``), so its id, the permissions made for it, any group's grant of
  them and Wagtail's log entries pointing at it all stay as they were.

``home`` removes the model from its own state in ``home.0006``, after this.
On a fresh database the content type may not exist yet; Django makes it
after migrate, under ``privacy``.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODEL = "personaldataaccess"


def content_type_to_privacy(apps, schema_editor):
    move_content_type(apps, old="home", new="privacy")


def content_type_back_to_home(apps, schema_editor):
    move_content_type(apps, old="privacy", new="home")


def move_content_type(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    moving = ContentType.objects.filter(app_label=old, model=MODEL).first()
    if moving is None:
        return
    already = ContentType.objects.filter(app_label=new, model=MODEL).first()
    if already is None:
        moving.app_label = new
        moving.save(update_fields=["app_label"])
        return
    # Both exist (a permission refresh ran in between): keep the one in use,
    # give it the new name, and fold the other's grants into it (by id, through
    # the grant tables: see ladder.0007).
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    for stray in Permission.objects.filter(content_type=already):
        kept = Permission.objects.filter(content_type=moving, codename=stray.codename).first()
        if kept is None:
            stray.content_type = moving
            stray.save(update_fields=["content_type"])
            continue
        for grants, holder in (
            (Group.permissions.through, "group_id"),
            (User.user_permissions.through, "user_id"),
        ):
            for holder_id in grants.objects.filter(permission_id=stray.pk).values_list(
                holder, flat=True
            ):
                grants.objects.get_or_create(**{holder: holder_id, "permission_id": kept.pk})
    already.delete()
    moving.app_label = new
    moving.save(update_fields=["app_label"])


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0005_help_text_for_editors"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The model as it was in home, on home's table: nothing changes in the database.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PersonalDataAccess",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("when", models.DateTimeField(auto_now_add=True, db_index=True)),
                        (
                            "username",
                            models.CharField(
                                help_text="Kept if the account is deleted.", max_length=150
                            ),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("viewed", "Viewed"),
                                    ("exported", "Exported"),
                                    ("erased", "Erased"),
                                    ("searched", "Searched for a person"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("record_type", models.CharField(max_length=100)),
                        ("record_id", models.CharField(blank=True, max_length=64)),
                        ("count", models.PositiveIntegerField(default=1)),
                        ("detail", models.CharField(blank=True, max_length=200)),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "personal data access",
                        "verbose_name_plural": "personal data access log",
                        "ordering": ["-when"],
                        "db_table": "home_personaldataaccess",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_privacy, content_type_back_to_home),
        # Now the table takes the app's name (a rename: rows and ids stay).
        migrations.AlterModelTable(name="personaldataaccess", table=None),
    ]
