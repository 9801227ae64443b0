"""A questionnaire version's rung requirements, from its frozen structure.

Each theme of a published version may carry requirements ("to be above rung
2, people must be paid for their time: this theme must be at least rung
3"), frozen with the version's rung ids. Scoring (``ladder.scoring``) takes
them as ``Requirement`` values; pages and snapshots as plain dicts.
"""

from ladder.scoring import Requirement, RungChoice


def choice_dict(choice):
    if choice is None:
        return None
    return {"id": choice.rung_id, "level": choice.level, "name": choice.name}


def version_requirements(version, rungs):
    """The version's frozen rung requirements as ``Requirement`` values.

    ``rungs`` maps rung ids to rungs (``Rung`` or ``RungChoice``); a rung no
    longer on the ladder cannot be, as versions protect the rungs they use.
    """
    found = []
    for theme, requirement in version.requirements():
        above = rungs.get(requirement["above_rung_id"])
        at_least = rungs.get(requirement["at_least_rung_id"])
        if above is None or at_least is None:
            continue
        found.append(
            Requirement(
                theme_key=theme["key"],
                theme_name=theme["name"],
                above=as_choice(above),
                at_least=as_choice(at_least),
                plain_words=requirement["plain_words"],
            )
        )
    return found


def as_choice(rung):
    if isinstance(rung, RungChoice):
        return rung
    return RungChoice(rung.pk, rung.level, rung.name)


def requirement_dict(requirement):
    return {
        "theme": requirement.theme_name,
        "above": choice_dict(requirement.above),
        "at_least": choice_dict(requirement.at_least),
        "plain_words": requirement.plain_words,
    }


def public_requirements(version, rungs):
    """The version's requirements as dicts for the ladder and start pages.

    ``rungs`` (a queryset will do) is read only when there are requirements.
    """
    if version is None or not version.requirements():
        return []
    by_id = {rung.pk: rung for rung in rungs}
    return [requirement_dict(r) for r in version_requirements(version, by_id)]
