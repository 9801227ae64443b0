"""A GIN index on what the PostgreSQL search backend matches a query against,
``title || body`` of each search index entry. Wagtail indexes the two columns
apart, which its queries never use: each search read every entry (a
sequential scan, about 100,000 tsvectors at 100,000 opportunities). Nothing
happens on SQLite."""

from django.db import migrations

INDEX = "home_search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0011_trigram_extension"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
