"""A copy of each opportunity's ``live`` on its own row (see
opportunities/models/tree_copies.py), filled in for the existing ones."""

from django.db import migrations, models


def copy_live(apps, schema_editor):
    opportunity_page = apps.get_model("opportunities", "OpportunityPage")
    opportunity_page.objects.filter(page_ptr__live=True).update(live_copy=True)


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0021_opportunity_full"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunitypage",
            name="live_copy",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddIndex(
            model_name="opportunitypage",
            index=models.Index(
                condition=models.Q(("live_copy", True)),
                fields=["closes_at"],
                name="opportunity_live_closes",
            ),
        ),
        migrations.RunPython(copy_live, migrations.RunPython.noop),
    ]
