"""What editors see of alerts: counts of people only, through the
small-number rule ("fewer than 5 people" from 1 to 4), never who."""

from collections import defaultdict

from django.http import QueryDict

from home.models import Area, Topic
from opportunities.models.alerts import AlertSent, SearchAlert
from privacy.small_numbers import count_of_people


def people_told_about(opportunity):
    """How many people an alert told about ``opportunity``."""
    people = (
        AlertSent.objects.filter(opportunity=opportunity)
        .values("alert__contact_key")
        .distinct()
        .count()
    )
    return count_of_people(people)


def people_following():
    """``[(kind, name, people)]``: for each topic and area some active alert
    filters on, how many people follow it."""
    followers = defaultdict(set)
    for query, person in SearchAlert.objects.active().values_list("query", "contact_key"):
        params = QueryDict(query)
        for kind in ("topic", "area"):
            if params.get(kind):
                followers[(kind, params[kind])].add(person)
    names = {("topic", t.slug): t.name for t in Topic.objects.all()}
    names |= {("area", a.slug): a.name for a in Area.objects.all()}
    return sorted(
        (kind.capitalize(), names[key], count_of_people(len(people)))
        for key, people in followers.items()
        if (kind := key[0]) and key in names
    )
