from home.models.pages import HomePage, StandardPage
from home.models.search_synonyms import SearchSynonym
from home.models.settings import NavigationSettings, SiteSettings
from home.models.share_cards import ShareCard
from home.models.taxonomies import AccessSupport, Area, Sector, Topic

__all__ = [
    "AccessSupport",
    "Area",
    "HomePage",
    "NavigationSettings",
    "SearchSynonym",
    "Sector",
    "ShareCard",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
