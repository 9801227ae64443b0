"""The personal data log now belongs to the ``privacy`` app (``privacy.0001``
took over its table, rows and content type); home forgets it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_help_text_for_editors"),
        ("privacy", "0001_personal_data_access_from_home"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PersonalDataAccess")],
            database_operations=[],
        )
    ]
