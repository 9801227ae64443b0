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
# The size a directory card shows a logo at; the directory prefetches it.
CARD_LOGO_FILTER = "max-160x100"
