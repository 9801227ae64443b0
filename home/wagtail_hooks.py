"""Registers home's admin screens (defined in ``home.admin``) and the taxonomies
and synonyms and share cards the page cache watches; nothing else belongs here."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.admin.plain_words import register_yes_no_display
from home.admin.reports_menu import show_each_group_its_reports
from home.admin.viewsets import TaxonomyGroup
from home.models.search_synonyms import search_synonym_models
from home.models.share_cards import share_card_models
from home.models.taxonomies import taxonomy_models

register_snippet(TaxonomyGroup)
# The admin in plain words: Yes / No / Not given wherever an inspect view shows a true/false value.
register_yes_no_display()
hooks.register("page_cache_models", taxonomy_models)
hooks.register("page_cache_models", search_synonym_models)
hooks.register("construct_reports_menu", show_each_group_its_reports)
hooks.register("page_cache_models", share_card_models)
