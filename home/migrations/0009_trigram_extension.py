"""PostgreSQL's pg_trgm extension, for typo-tolerant search (modelsearch's
``Fuzzy`` queries). Creating an extension needs a superuser or, from
PostgreSQL 13, a database owner (pg_trgm is a trusted extension). Nothing
happens on SQLite."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0008_seed_search_synonyms")]

    operations = [TrigramExtension()]
