"""An index on each partner's id as text: the PostgreSQL search backend joins
its index entries to the pages on ``object_id = id::varchar(50)``, so without
it every directory search read the whole table to find its matches' rows."""

import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_board_and_directory_indexes")]

    operations = [
        migrations.AddIndex(
            model_name="partnerpage",
            index=models.Index(
                django.db.models.functions.comparison.Cast(
                    "page_ptr", models.CharField(max_length=50)
                ),
                name="partner_search_key",
            ),
        ),
    ]
