from home.models.pages import HomePage, StandardPage
from home.models.search_synonyms import SearchSynonym
from home.models.settings import NavigationSettings, SiteSettings
from home.models.taxonomies import AccessSupport, Area, Sector, Topic

__all__ = [
    "AccessSupport",
    "Area",
    "HomePage",
    "NavigationSettings",
    "SearchSynonym",
    "Sector",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
