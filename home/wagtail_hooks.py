"""Registers home's admin screens (defined in ``home.admin``) and the taxonomies
and synonyms the page cache watches; nothing else belongs here."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.admin.viewsets import TaxonomyGroup
from home.models.search_synonyms import search_synonym_models
from home.models.taxonomies import taxonomy_models

register_snippet(TaxonomyGroup)
hooks.register("page_cache_models", taxonomy_models)
hooks.register("page_cache_models", search_synonym_models)
