"""The ladder's enums and constants, shared by its models, flows and admin.

Nothing here imports from the app, so every layer may use it.
"""

from django.db import models


class Band(models.TextChoices):
    """Groups of rungs, from no participation at all to shared power."""

    NOT_PARTICIPATION = "not_participation", "Not participation"
    TOKENISM = "tokenism", "Tokenism"
    PARTICIPATION = "participation", "Participation"
    SHARED_POWER = "shared_power", "Shared power"


class Scope(models.TextChoices):
    """What is assessed: by a self-assessment, or under an invitation."""

    SERVICE = "service", "A service"
    TEAM = "team", "A team"
    PROJECT = "project", "A project"


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    SUBMITTED = "submitted", "Submitted"


class TookPart(models.TextChoices):
    """How a respondent answered: alone or with others."""

    ALONE = "alone", "On my own"
    COLLEAGUES = "colleagues", "With colleagues"
    COMMUNITY = "community", "With community members"


class Relation(models.TextChoices):
    """How an invited respondent relates to the partner (the combined result compares them)."""

    STAFF = "staff", "Staff"
    VOLUNTEER = "volunteer", "Volunteer"
    COMMUNITY = "community", "Community member"


class ScoringRule(models.IntegerChoices):
    """The rule a result was scored under; the numbers match ``ladder.scoring``'s RULE_*."""

    ALL_ANSWERS = 1, "Rule 1: the middle of all answers (before December 2026)"
    THEMES_WITH_REQUIREMENTS = 2, "Rule 2: the middle of the themes, with rung requirements"


class PublicationStatus(models.TextChoices):
    REQUESTED = "requested", "Waiting for a decision"
    APPROVED = "approved", "Published"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn by the partner"
    REPLACED = "replaced", "Replaced by a newer result"


# The answer kept for "not applicable, or I don't know"; it never counts towards a rung.
NOT_APPLICABLE = "na"
NOT_APPLICABLE_LABEL = "Not applicable, or I don't know"

# A private-link token in a route of the self-assessment page.
TOKEN_PATTERN = r"(?P<token>[A-Za-z0-9_-]{20,100})"
