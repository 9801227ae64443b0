"""The example synonyms editors start from (they can change or delete them)."""

from django.db import migrations

EXAMPLES = [
    ("wheelchair", "step-free"),
    ("UC", "Universal Credit"),
    ("BSL", "British Sign Language"),
]


def add_examples(apps, schema_editor):
    SearchSynonym = apps.get_model("home", "SearchSynonym")
    for term, alternatives in EXAMPLES:
        SearchSynonym.objects.get_or_create(term=term, defaults={"alternatives": alternatives})


def remove_examples(apps, schema_editor):
    SearchSynonym = apps.get_model("home", "SearchSynonym")
    for term, alternatives in EXAMPLES:
        SearchSynonym.objects.filter(term=term, alternatives=alternatives).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0007_search_synonyms")]

    operations = [migrations.RunPython(add_examples, remove_examples)]
