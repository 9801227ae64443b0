"""A copy of the page each opportunity is under (see
opportunities/models/tree_copies.py), filled in for the existing ones."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STEPLEN = 4  # treebeard's path step, as wagtailcore.Page uses it


def copy_parent(apps, schema_editor):
    opportunity_page = apps.get_model("opportunities", "OpportunityPage")
    page = apps.get_model("wagtailcore", "Page")
    under = {}
    for pk, path in opportunity_page.objects.values_list("pk", "path"):
        under.setdefault(path[:-STEPLEN], []).append(pk)
    parents = dict(page.objects.filter(path__in=under).values_list("path", "pk"))
    for path, pks in under.items():
        opportunity_page.objects.filter(pk__in=pks).update(parent_copy=parents.get(path))


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0022_opportunity_live_copy"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunitypage",
            name="parent_copy",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
            ),
        ),
        migrations.RunPython(copy_parent, migrations.RunPython.noop),
    ]
