"""PostgreSQL's pg_trgm extension, for typo-tolerant search (modelsearch's
``Fuzzy`` queries). Creating an extension needs a superuser or, from
PostgreSQL 13, a database owner (pg_trgm is a trusted extension). Nothing
happens on SQLite. Going back leaves the extension in place: other things
(modelsearch's ``enable_trigram`` indexes) may use it."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class CreateTrigramExtension(TrigramExtension):
    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        # Django's operation would drop it, and asks PostgreSQL even on SQLite.
        pass


class Migration(migrations.Migration):
    dependencies = [("home", "0010_seed_search_synonyms")]

    operations = [CreateTrigramExtension()]
