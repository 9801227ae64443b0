"""Partners' enums and constants, importable by models, the directory and
templates' helpers alike without importing a page class."""

from django.db import models


class PartnerKind(models.TextChoices):
    COUNCIL = "council", "Council"
    NHS = "nhs", "NHS body"
    UNIVERSITY = "university", "University"
    HOUSING = "housing", "Housing provider"
    CHARITY = "charity", "Charity or community group"
    FUNDER = "funder", "Funder"
    OTHER = "other", "Other"


# The size the profile shows a logo at; the JSON-LD points at the same file.
PROFILE_LOGO_FILTER = "max-320x200"
# The renditions a directory card's logo offers (WebP and PNG, at the size it is
# shown and at twice that): the specs of the card template's {% picture %} tag,
# which the directory prefetches. The query-budget test fails if they drift.
CARD_LOGO_SPECS = ("format-{webp,png}", "max-{160x100,320x200}")
