"""Registers home's admin screens (defined in ``home.admin``); nothing else belongs here."""

from wagtail.snippets.models import register_snippet

from home.admin.viewsets import TaxonomyGroup

register_snippet(TaxonomyGroup)
