"""When an opportunity happens: its dated sessions (``sessions.py``), or, while
the dates are not fixed, the usual length, number and frequency of sessions.

The pay figures read both (``pay.py``): dated sessions where there are any.
"""

from datetime import time
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel

from opportunities import payment
from opportunities.payment import SessionTime
from opportunities.sessions import format_duration


class Schedule(models.Model):
    """Where-and-when fields for OpportunityPage, and its sessions read as a whole."""

    start_date = models.DateField(
        "first session",
        null=True,
        blank=True,
        help_text="Worked out from the dated sessions when there are any. Blank if not fixed.",
    )
    end_date = models.DateField(
        "last session",
        null=True,
        blank=True,
        help_text="Worked out from the dated sessions when there are any. Blank for a one-off.",
    )
    hours_per_session = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.25"))],
        help_text=(
            "How long each session usually lasts, in hours (1.5 for an hour and a half). "
            "Used for sessions without times, and for a day rate's length of day."
        ),
    )
    number_of_sessions = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="How many sessions (or days) in all. Counted from the dated sessions if any.",
    )
    frequency = models.CharField(
        max_length=20,
        choices=payment.FREQUENCY_CHOICES,
        default=payment.ONE_OFF,
        help_text="How often sessions happen.",
    )

    sessions_panel = MultiFieldPanel(
        [
            HelpPanel(
                content=(
                    "<p>Add each session with its date and times, so people know exactly "
                    "when it is and the pay can be worked out. To add many at once, fill in "
                    "'Make sessions from a pattern' below and save: the sessions appear "
                    "here for you to change or remove.</p>"
                )
            ),
            InlinePanel("sessions", label="Session", heading="Dated sessions"),
        ],
        heading="Sessions",
    )
    undated_panel = MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel(
                [
                    FieldPanel("hours_per_session"),
                    FieldPanel("number_of_sessions"),
                    FieldPanel("frequency"),
                ]
            ),
        ],
        heading="If the dates are not fixed yet",
    )

    class Meta:
        abstract = True

    @cached_property
    def dated_sessions(self):
        """The sessions in date order (they may be edited in any order); read
        once per page object (``take_dates_from_sessions`` reads them afresh)."""
        return sorted(
            self.sessions.all(), key=lambda session: (session.date, session.starts_at or time.min)
        )

    @property
    def session_times(self):
        return tuple(SessionTime(session.date, session.hours) for session in self.dated_sessions)

    @property
    def upcoming_sessions(self):
        today = timezone.localdate()
        return [session for session in self.dated_sessions if session.date >= today]

    def take_dates_from_sessions(self):
        """The first and last dates and the count follow the dated sessions, so
        everything that reads them (benefit warnings, feeds) agrees with them."""
        self.__dict__.pop("dated_sessions", None)
        dated = self.dated_sessions
        if not dated:
            return
        self.start_date = dated[0].date
        self.end_date = dated[-1].date if dated[-1].date != dated[0].date else None
        self.number_of_sessions = len(dated)

    @property
    def when_in_brief(self):
        """For a card or the at-a-glance block: the next session, and how many more."""
        dated = self.dated_sessions
        if not dated:
            if self.start_date:
                return f"From {self.start_date:%-d %B %Y}"
            return "Dates to be agreed"
        upcoming = self.upcoming_sessions or dated[-1:]
        more = len(upcoming) - 1
        if more:
            first = upcoming[0].describe(with_length=False)
            return f"{first}, then {more} more"
        return upcoming[0].describe()

    @property
    def usual_length(self):
        return format_duration(self.hours_per_session)
