"""The stored "full" flag on each opportunity, worked out for the existing ones:
"places filled" ticked, or as many people selected as there are places."""

from django.db import migrations, models
from django.db.models import Case, Count, OuterRef, Subquery, When
from django.db.models.functions import Coalesce


def work_out_full(apps, schema_editor):
    opportunity_page = apps.get_model("opportunities", "OpportunityPage")
    interest = apps.get_model("opportunities", "ExpressionOfInterest")
    selections = (
        interest.objects.filter(opportunity=OuterRef("pk"), status="selected")
        .order_by()
        .values("opportunity")
        .annotate(count=Count("pk"))
        .values("count")
    )
    opportunity_page.objects.update(
        full=Case(
            When(places_filled=True, then=True),
            When(places__gte=1, places__lte=Coalesce(Subquery(selections), 0), then=True),
            default=False,
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0020_search_key_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunitypage",
            name="full",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddIndex(
            model_name="opportunitypage",
            index=models.Index(fields=["full", "closes_at"], name="opportunity_full_closes"),
        ),
        migrations.RunPython(work_out_full, migrations.RunPython.noop),
    ]
