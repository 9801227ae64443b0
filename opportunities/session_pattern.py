"""The opportunity's edit form: "Make sessions from a pattern".

Editors fill in a first date, how often, how many and the times, and save;
the sessions appear in the page's list of dated sessions, where they change
or remove any of them like a session they added by hand. Fields on the edit
form itself rather than a separate screen or a button that needs JavaScript:
nothing new to learn, it works in every browser, and the result is shown
straight away in the same list they already edit. Dates already in the list
are skipped, so saving twice never doubles the sessions.

Part of the page model's definition (like ``panels.py``), so it sits beside
the models, not in ``admin/``.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.widgets import AdminDateInput, AdminTimeInput

from opportunities.models.sessions import OpportunitySession
from opportunities.sessions import (
    MOST_SESSIONS_FROM_A_PATTERN,
    PATTERN_CHOICES,
    dates_from_pattern,
)

PATTERN_FIELDS = ["pattern_first_date", "pattern_how_often", "pattern_count"]


class OpportunityPageForm(WagtailAdminPageForm):
    pattern_first_date = forms.DateField(
        label="First session",
        required=False,
        widget=AdminDateInput,
        help_text="The date of the first session in the pattern.",
    )
    pattern_how_often = forms.ChoiceField(
        label="How often",
        required=False,
        choices=PATTERN_CHOICES,
        help_text="Monthly keeps the weekday: a second Tuesday is followed by second Tuesdays.",
    )
    pattern_count = forms.IntegerField(
        label="How many sessions",
        required=False,
        min_value=1,
        max_value=MOST_SESSIONS_FROM_A_PATTERN,
        help_text="Including the first.",
    )
    pattern_starts_at = forms.TimeField(
        label="Starts",
        required=False,
        widget=AdminTimeInput,
        help_text="For example 10:00. Optional.",
    )
    pattern_ends_at = forms.TimeField(
        label="Ends",
        required=False,
        widget=AdminTimeInput,
        help_text="For example 12:30. Optional.",
    )

    def clean(self):
        cleaned = super().clean()
        filled = [name for name in PATTERN_FIELDS if cleaned.get(name) not in (None, "")]
        # "How often" always has a value, so the first date or the count starts a pattern.
        if cleaned.get("pattern_first_date") or cleaned.get("pattern_count"):
            for name in PATTERN_FIELDS:
                if name not in filled:
                    self.add_error(name, "Fill this in to make sessions from the pattern.")
        starts, ends = cleaned.get("pattern_starts_at"), cleaned.get("pattern_ends_at")
        if ends and not starts:
            self.add_error("pattern_starts_at", "Give the start time too, or neither.")
        if starts and ends and starts == ends:
            self.add_error("pattern_ends_at", "The session must end after it starts.")
        return cleaned

    def pattern_sessions(self, page):
        """New sessions for the pattern's dates that the page does not have yet."""
        data = self.cleaned_data
        if not (data.get("pattern_first_date") and data.get("pattern_count")):
            return []
        taken = {session.date for session in page.sessions.all()}
        dates = dates_from_pattern(
            data["pattern_first_date"], data["pattern_how_often"], data["pattern_count"]
        )
        return [
            OpportunitySession(
                date=day,
                starts_at=data.get("pattern_starts_at"),
                ends_at=data.get("pattern_ends_at"),
            )
            for day in dates
            if day not in taken
        ]

    def save(self, commit=True):
        page = super().save(commit=False)
        new = self.pattern_sessions(page)
        if new:
            order = len(page.sessions.all())
            for offset, session in enumerate(new):
                session.sort_order = order + offset
            page.sessions.add(*new)
        if commit:
            page.save()
            self.save_m2m()
        return page


pattern_panel = MultiFieldPanel(
    [
        HelpPanel(
            content=(
                "<p>Optional. Fill these in and save to add sessions to the list above, "
                "for example every week for 6 weeks, 10:00 to 12:30. Then change or remove "
                "any session in the list. Dates already in the list are not added twice.</p>"
            )
        ),
        FieldRowPanel(
            [
                FieldPanel("pattern_first_date"),
                FieldPanel("pattern_how_often"),
                FieldPanel("pattern_count"),
            ]
        ),
        FieldRowPanel([FieldPanel("pattern_starts_at"), FieldPanel("pattern_ends_at")]),
    ],
    heading="Make sessions from a pattern",
)
