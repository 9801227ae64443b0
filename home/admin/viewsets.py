"""The admin screens for the shared lists (topics, areas, sectors, access
support) and the search synonyms."""

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import AccessSupport, Area, SearchSynonym, Sector, Topic


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "description", "slug"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    form_fields = ["name", "slug", "description"]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"


class AreaViewSet(TaxonomyViewSet):
    model = Area
    icon = "site"
    menu_label = "Areas"


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "group"
    menu_label = "Sectors"


class AccessSupportViewSet(TaxonomyViewSet):
    model = AccessSupport
    icon = "help"
    menu_label = "Access support"


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    list_display = ["term", "alternatives"]
    search_fields = ["term", "alternatives"]
    ordering = ["term"]
    form_fields = ["term", "alternatives"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Lists and categories"
    menu_icon = "tag"
    menu_order = 300
    items = (TopicViewSet, AreaViewSet, SectorViewSet, AccessSupportViewSet, SearchSynonymViewSet)
