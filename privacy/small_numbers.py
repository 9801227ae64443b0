"""The small-number rule: no figure built from fewer than five people is shown.

With one or two people behind a figure, whoever knows who answered can read
off how each of them answered ("community members put this at rung 2" when
one community member answered). So every report, dashboard count and export
that counts people passes its figures through here:

- ``figure_from(people, figure)``: the figure, or ``WITHHELD`` when fewer
  than ``MINIMUM_PEOPLE`` people are behind it (a median, an average, a
  rung). A view with its own agreed threshold passes ``minimum``.
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
    """Stands in for a figure built from fewer than ``minimum`` people."""

    __slots__ = ("minimum",)

    def __init__(self, minimum: int = MINIMUM_PEOPLE) -> None:
        self.minimum = minimum

    def __str__(self) -> str:
        return f"fewer than {self.minimum} people"

    def __repr__(self) -> str:
        return "WITHHELD"


WITHHELD: Final = Withheld()


def enough_people(people: int, minimum: int = MINIMUM_PEOPLE) -> bool:
    return people >= minimum


def withheld(minimum: int = MINIMUM_PEOPLE) -> Withheld:
    return WITHHELD if minimum == MINIMUM_PEOPLE else Withheld(minimum)


def figure_from(people: int, figure: T, minimum: int = MINIMUM_PEOPLE) -> T | Withheld:
    """``figure`` if at least ``minimum`` people are behind it, else withheld.

    A view may set a lower ``minimum`` than ``MINIMUM_PEOPLE`` only where a
    decision says so (the lead contact's staff and community views use 3).
    """
    return figure if enough_people(people, minimum) else withheld(minimum)


def count_of_people(count: int, minimum: int = MINIMUM_PEOPLE) -> int | Withheld:
    """A count of people as it may be shown: 0, ``minimum`` or more, or withheld."""
    return count if count == 0 or enough_people(count, minimum) else withheld(minimum)


def is_withheld(value: object) -> bool:
    return isinstance(value, Withheld)
