"""Shared taxonomies that every feature app uses, so none redefines them."""

from django.db import models
from django.utils.text import slugify
from wagtail.search import index


class Taxonomy(index.Indexed, models.Model):
    """A named term editors manage: topics, areas, sectors, access support.

    The slug is what filter links carry (``?topic=housing``), so shared URLs
    stay readable and keep working when an editor fixes a typo in the name.
    """

    name = models.CharField(max_length=80, unique=True, help_text="As people will see it.")
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in web addresses. Leave blank to make it from the name.",
    )
    description = models.CharField(
        "short description",
        max_length=250,
        blank=True,
        help_text="One plain sentence that explains the term, shown as a hint.",
    )
    sort_order = models.PositiveIntegerField(
        default=0, editable=False, help_text="Drag rows in the list to change the order."
    )

    sort_order_field = "sort_order"
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class Topic(Taxonomy):
    """What an opportunity is about (housing, mental health, criminal justice…)."""

    class Meta(Taxonomy.Meta):
        verbose_name = "topic"


class Area(Taxonomy):
    """A place people live or a service covers (a city, county or region)."""

    class Meta(Taxonomy.Meta):
        verbose_name = "area"


class Sector(Taxonomy):
    """The field a partner works in (health, housing, justice, research…)."""

    class Meta(Taxonomy.Meta):
        verbose_name = "sector"


class AccessSupport(Taxonomy):
    """Support offered so people can take part (BSL interpreter, step-free venue…)."""

    class Meta(Taxonomy.Meta):
        verbose_name = "access support"
        verbose_name_plural = "access support"


def taxonomy_models() -> list[type]:
    """Every taxonomy: public pages show them, so the page cache watches them."""
    return [Taxonomy]
