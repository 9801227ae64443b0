"""An opportunity's dated sessions, edited with the page (the rules and the
plain words are in ``opportunities/sessions.py``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from opportunities import sessions


class OpportunitySession(Orderable):
    """One dated session of an opportunity: when, and where if not at the usual venue."""

    page = ParentalKey(
        "opportunities.OpportunityPage", on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField(help_text="The day of the session.")
    starts_at = models.TimeField(
        "starts", null=True, blank=True, help_text="For example 10:00. Blank if not fixed yet."
    )
    ends_at = models.TimeField(
        "ends", null=True, blank=True, help_text="For example 12:30. Blank if not fixed yet."
    )
    place = models.CharField(
        max_length=250,
        blank=True,
        help_text="Only if it is not at the usual venue above, for example 'Room 2, Town Hall'.",
    )
    online = models.BooleanField(
        "this session is online", default=False, help_text="Tick if this session is online."
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("online")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "session"

    def __str__(self):
        return self.describe()

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at == self.starts_at:
            raise ValidationError({"ends_at": "The session must end after it starts."})
        if self.ends_at and not self.starts_at:
            raise ValidationError({"starts_at": "Give the start time too, or neither."})

    @property
    def hours(self):
        """Its length from its times, else the page's usual hours per session."""
        measured = sessions.hours_between(self.starts_at, self.ends_at)
        if measured is not None:
            return measured
        page = getattr(self, "page", None)
        return page.hours_per_session if page is not None else None

    @property
    def where(self):
        """'Online', its own place, or '' for the page's usual venue."""
        if self.online:
            return "Online"
        return self.place

    def describe(self, today=None, with_length=True):
        return sessions.describe_session(
            self.date,
            self.starts_at,
            self.ends_at,
            hours=self.hours,
            today=today or timezone.localdate(),
            with_length=with_length,
        )

    @property
    def is_past(self):
        return self.date < timezone.localdate()
