"""An index on each opportunity's id as text: the PostgreSQL search backend
joins its index entries to the pages on ``object_id = id::varchar(50)``, so
without it every search read the whole table to find its matches' rows."""

import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0019_alert_renewal")]

    operations = [
        migrations.AddIndex(
            model_name="opportunitypage",
            index=models.Index(
                django.db.models.functions.comparison.Cast(
                    "page_ptr", models.CharField(max_length=50)
                ),
                name="opportunity_search_key",
            ),
        ),
    ]
