"""The small-number rule: no figure built from fewer than five people is shown.

With one or two people behind a figure, whoever knows who answered can read
off how each of them answered ("community members put this at rung 2" when
one community member answered). So every report, dashboard count and export
that counts people passes its figures through here:

- ``figure_from(people, figure)``: the figure, or ``WITHHELD`` when fewer
  than ``MINIMUM_PEOPLE`` people are behind it (a median, an average, a
  rung).
- ``count_of_people(count)``: a head count, or ``WITHHELD`` from 1 to 4.
  Nought is shown: it describes nobody.

``WITHHELD`` prints as "fewer than 5 people", so a template or a CSV cell
shows it plainly; templates test for it with the ``withheld`` filter
(``{% load small_numbers %}``). Counts of records that are not people
(opportunities, partners, invitations) are not this rule's business.
"""

from __future__ import annotations

from typing import Final, TypeVar

MINIMUM_PEOPLE: Final = 5

T = TypeVar("T")


class Withheld:
    """Stands in for a figure built from fewer than ``MINIMUM_PEOPLE`` people."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"fewer than {MINIMUM_PEOPLE} people"

    def __repr__(self) -> str:
        return "WITHHELD"


WITHHELD: Final = Withheld()


def enough_people(people: int) -> bool:
    return people >= MINIMUM_PEOPLE


def figure_from(people: int, figure: T) -> T | Withheld:
    """``figure`` if at least ``MINIMUM_PEOPLE`` people are behind it, else ``WITHHELD``."""
    return figure if enough_people(people) else WITHHELD


def count_of_people(count: int) -> int | Withheld:
    """A count of people as it may be shown: 0, 5 or more, or ``WITHHELD``."""
    return count if count == 0 or enough_people(count) else WITHHELD


def is_withheld(value: object) -> bool:
    return isinstance(value, Withheld)
