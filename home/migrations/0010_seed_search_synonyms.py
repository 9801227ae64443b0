"""The example synonyms editors start from (they can change or delete them),
and Editors and Moderators may manage synonyms as they do the other lists."""

from django.db import migrations

EXAMPLES = [
    ("wheelchair", "step-free"),
    ("UC", "Universal Credit"),
    ("BSL", "British Sign Language"),
]


def add_examples(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after migrate finishes (as in 0003).
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    permissions = apps.get_model("auth.Permission").objects.filter(
        content_type__app_label="home",
        codename__in=[f"{action}_searchsynonym" for action in ("add", "change", "delete", "view")],
    )
    for group in apps.get_model("auth.Group").objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*permissions)

    SearchSynonym = apps.get_model("home", "SearchSynonym")
    for term, alternatives in EXAMPLES:
        SearchSynonym.objects.get_or_create(term=term, defaults={"alternatives": alternatives})


def remove_examples(apps, schema_editor):
    SearchSynonym = apps.get_model("home", "SearchSynonym")
    for term, alternatives in EXAMPLES:
        SearchSynonym.objects.filter(term=term, alternatives=alternatives).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0009_search_synonyms"), ("home", "0003_groups")]

    operations = [migrations.RunPython(add_examples, remove_examples)]
