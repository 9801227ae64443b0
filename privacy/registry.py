"""The registry of personal-data sources: every place the site keeps personal data.

Each app declares its sources in its own ``privacy.py`` (which model, which
fields are personal, how a record is found by email or phone, exported and
erased, and when it is purged) and hands them over through a Wagtail hook
in its ``wagtail_hooks.py``, the shape of ``wagtail.contrib.settings``'
registry::

    hooks.register(REGISTER_PERSONAL_DATA_SOURCES, privacy.personal_data_sources)

The engine (``privacy.subject_requests``, ``privacy.retention``) reads only
``personal_data_sources`` below, so it knows no app by name, and a test
fails when a model field that looks personal is declared nowhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db.models import Model, QuerySet
from wagtail import hooks

from privacy.contacts import Contact

REGISTER_PERSONAL_DATA_SOURCES = "register_personal_data_sources"


@dataclass(frozen=True)
class PurgeClock:
    """The moment a purge runs, and the site's retention period (Site settings)."""

    now: datetime
    retention_days: int

    @property
    def cutoff(self) -> datetime:
        """Whatever the retention period runs from must be older than this to go."""
        return self.now - timedelta(days=self.retention_days)


@dataclass(frozen=True)
class RetentionRule:
    """What of a source is purged when: ``expired`` gives the records past their
    time, which are erased the source's way (deleted, or their personal fields
    blanked). ``what`` names them in the purge report ("expressions of interest")."""

    when: str
    what: str
    expired: Callable[[PurgeClock], QuerySet[Any]]


@dataclass(frozen=True)
class Erasure:
    """How a source's records are erased, on request and by the purge.

    ``blank`` empty: the whole record is deleted, with its labels in Wagtail's
    audit log. Otherwise these fields take these values and the rest of the
    record (not personal) stays. ``by_hand``: the tools never erase it; the
    source's note says what staff do instead. ``on_request`` false: only its
    retention rule erases it, never a request (a security record that nobody,
    the Personal data group included, may wipe early).
    """

    blank: Mapping[str, str] = field(default_factory=dict)
    by_hand: bool = False
    on_request: bool = True

    @property
    def deletes(self) -> bool:
        return not self.blank and not self.by_hand

    @property
    def erasable_on_request(self) -> bool:
        return self.on_request and not self.by_hand


DELETE_RECORD = Erasure()
ERASED_BY_HAND = Erasure(by_hand=True)
DELETED_WHEN_ITS_TIME_COMES = Erasure(on_request=False)


def blank_fields(*names: str) -> Erasure:
    return Erasure(blank=dict.fromkeys(names, ""))


@dataclass(frozen=True)
class PersonalDataSource:
    """One model holding personal data, and everything the privacy tools need to know.

    - ``label`` names its records in answers to requests.
    - ``personal_fields``: every field of ``model`` that holds personal data.
    - ``find``: its records holding a contact; ``None`` when it cannot be
      looked up by email or phone (``note`` says why).
    - ``export``: what a subject-access answer shows of one record.
    - ``erasure``: how a record is erased; ``retention``: when it is purged,
      or ``None`` with ``kept_because`` saying why it stays.
    """

    label: str
    model: type[Model]
    personal_fields: tuple[str, ...]
    find: Callable[[Contact], Iterable[Any]] | None
    export: Callable[[Any], dict[str, object]]
    erasure: Erasure
    retention: RetentionRule | None
    note: str = ""
    kept_because: str = ""

    def field_labels(self) -> list[str]:
        """``app_label.Model.field`` for each personal field."""
        return [f"{self.model._meta.label}.{name}" for name in self.personal_fields]

    def check(self) -> None:
        """Refuse a declaration the tools could not honour."""
        for name in self.personal_fields:
            try:
                self.model._meta.get_field(name)
            except FieldDoesNotExist as error:
                raise ImproperlyConfigured(
                    f"Personal-data source '{self.label}' names {self.model._meta.label}.{name}, "
                    "which does not exist."
                ) from error
        if not set(self.erasure.blank) <= set(self.personal_fields):
            raise ImproperlyConfigured(
                f"Personal-data source '{self.label}' blanks fields it does not declare personal."
            )
        if self.retention is None and not self.kept_because:
            raise ImproperlyConfigured(
                f"Personal-data source '{self.label}' has no retention rule: say why it is kept."
            )
        if self.find is None and not self.note:
            raise ImproperlyConfigured(
                f"Personal-data source '{self.label}' cannot be found by email or phone: say why."
            )


@dataclass(frozen=True)
class NotPersonal:
    """A field that looks like a contact detail but is not a person's, with the reason."""

    field: str  # app_label.Model.field
    reason: str


Declaration = PersonalDataSource | NotPersonal


def every_stored_value(record: Model) -> dict[str, object]:
    """Every stored value of a record, except link secrets, for an access request."""
    return {
        model_field.attname: getattr(record, model_field.attname)
        for model_field in record._meta.concrete_fields
        if "token" not in model_field.name and "salt" not in model_field.name
    }


class PersonalDataRegistry:
    """The declarations every app hands to ``hook_name``, read once, on first use."""

    def __init__(self, hook_name: str = REGISTER_PERSONAL_DATA_SOURCES) -> None:
        self.hook_name = hook_name
        self._sources: tuple[PersonalDataSource, ...] | None = None
        self._not_personal: dict[str, str] = {}

    def _load(self) -> tuple[PersonalDataSource, ...]:
        if self._sources is None:
            sources: list[PersonalDataSource] = []
            not_personal: dict[str, str] = {}
            declared: set[str] = set()
            for declare in hooks.get_hooks(self.hook_name):
                for declaration in declare():
                    if isinstance(declaration, NotPersonal):
                        not_personal[declaration.field] = declaration.reason
                        continue
                    declaration.check()
                    twice = declared & set(declaration.field_labels())
                    if twice:
                        raise ImproperlyConfigured(f"Personal fields declared twice: {twice}")
                    declared.update(declaration.field_labels())
                    sources.append(declaration)
            self._not_personal = not_personal
            self._sources = tuple(sources)
        return self._sources

    @property
    def sources(self) -> tuple[PersonalDataSource, ...]:
        return self._load()

    def personal_fields(self) -> dict[str, PersonalDataSource]:
        """``app_label.Model.field`` of every declared personal field, and its source."""
        return {label: source for source in self._load() for label in source.field_labels()}

    def not_personal(self) -> dict[str, str]:
        """Fields declared not personal, with the reason."""
        self._load()
        return dict(self._not_personal)

    def reset(self) -> None:
        """Forget what was read: the next use reads the hooks again (for tests
        that register a source with ``hooks.register_temporarily``)."""
        self._sources = None
        self._not_personal = {}


personal_data_sources = PersonalDataRegistry()
