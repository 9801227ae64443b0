from home.models.pages import HomePage, StandardPage
from home.models.settings import NavigationSettings, SiteSettings
from home.models.taxonomies import AccessSupport, Area, Sector, Topic

__all__ = [
    "AccessSupport",
    "Area",
    "HomePage",
    "NavigationSettings",
    "Sector",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
