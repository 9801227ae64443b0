"""The venue becomes structured: the old free-text venue is kept as the venue's
name (a rename, so every page keeps what it said), beside a street, town,
postcode and "keep the address private"."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0011_rung_choices_published_only"),
    ]

    operations = [
        migrations.RenameField(
            model_name="opportunitypage", old_name="venue", new_name="venue_name"
        ),
        migrations.AlterField(
            model_name="opportunitypage",
            name="venue_name",
            field=models.CharField(
                blank=True,
                help_text=(
                    "The place people go, for example 'Castlebrook Town Hall', or how it "
                    "happens: 'Zoom (link sent before)'. Always shown on the page."
                ),
                max_length=250,
                verbose_name="venue",
            ),
        ),
        migrations.AddField(
            model_name="opportunitypage",
            name="venue_street",
            field=models.CharField(
                blank=True,
                help_text="Building number and street, for example '12 Market Street'.",
                max_length=250,
                verbose_name="street address",
            ),
        ),
        migrations.AddField(
            model_name="opportunitypage",
            name="venue_town",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Shown on the page and to search engines, even when the address is private."
                ),
                max_length=120,
                verbose_name="town or city",
            ),
        ),
        migrations.AddField(
            model_name="opportunitypage",
            name="venue_postcode",
            field=models.CharField(
                blank=True,
                help_text=(
                    "A UK postcode, for example 'M3 5FS'. Not shown when the address is private."
                ),
                max_length=10,
                verbose_name="postcode",
            ),
        ),
        migrations.AddField(
            model_name="opportunitypage",
            name="venue_address_private",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Tick for a venue that must not be public (a survivors' group, a refuge). "
                    "The street and postcode are then never on the page or sent to search "
                    "engines: only people you select see them, on their private status page."
                ),
                verbose_name="keep the address private",
            ),
        ),
    ]
