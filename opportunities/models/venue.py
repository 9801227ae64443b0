"""Where an opportunity happens: the venue's name and address, and whether the
address must stay private.

Some venues must not be public (a survivors' group, a refuge). Then the street
and postcode never appear on a public page, in a feed or in structured data:
only the venue's name and town do, and the full address is shown to people
who were selected, on their private status page.
"""

import re

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

# A UK postcode: outward code, a space (optional when typed), inward code.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def normalise_postcode(text):
    """'m3 5fs' -> 'M3 5FS'; None when it is not a UK postcode."""
    match = POSTCODE.match(" ".join(text.upper().split()))
    return f"{match.group(1)} {match.group(2)}" if match else None


class Venue(models.Model):
    """The venue fields of OpportunityPage."""

    venue_name = models.CharField(
        "venue",
        max_length=250,
        blank=True,
        help_text=(
            "The place people go, for example 'Castlebrook Town Hall', or how it happens: "
            "'Zoom (link sent before)'. Always shown on the page."
        ),
    )
    venue_street = models.CharField(
        "street address",
        max_length=250,
        blank=True,
        help_text="Building number and street, for example '12 Market Street'.",
    )
    venue_town = models.CharField(
        "town or city",
        max_length=120,
        blank=True,
        help_text="Shown on the page and to search engines, even when the address is private.",
    )
    venue_postcode = models.CharField(
        "postcode",
        max_length=10,
        blank=True,
        help_text="A UK postcode, for example 'M3 5FS'. Not shown when the address is private.",
    )
    venue_address_private = models.BooleanField(
        "keep the address private",
        default=False,
        help_text=(
            "Tick for a venue that must not be public (a survivors' group, a refuge). The street "
            "and postcode are then never on the page or sent to search engines: only people "
            "you select see them, on their private status page."
        ),
    )

    venue_panel = MultiFieldPanel(
        [
            FieldPanel("venue_name"),
            FieldPanel("venue_street"),
            FieldRowPanel([FieldPanel("venue_town"), FieldPanel("venue_postcode")]),
            FieldPanel("venue_address_private"),
        ],
        heading="Venue",
    )

    class Meta:
        abstract = True

    def clean_venue(self):
        """Errors beside the venue fields, as {field: message}; tidies the postcode."""
        errors = {}
        if self.venue_postcode.strip():
            postcode = normalise_postcode(self.venue_postcode)
            if postcode is None:
                errors["venue_postcode"] = "Enter a UK postcode, for example 'M3 5FS'."
            else:
                self.venue_postcode = postcode
        if self.venue_address_private and not (self.venue_street or self.venue_postcode):
            errors["venue_address_private"] = (
                "There is no street or postcode to keep private: add them, or untick this."
            )
        return errors

    @property
    def full_address(self):
        """Street, town and postcode on one line: for the selected people only when private."""
        parts = [self.venue_street, self.venue_town, self.venue_postcode]
        return ", ".join(part for part in parts if part)

    @property
    def public_place(self):
        """What anyone may read of the venue: its name and, unless private, its address."""
        parts = [self.venue_name]
        parts.extend(
            [self.venue_town]
            if self.venue_address_private
            else [self.venue_street, self.venue_town, self.venue_postcode]
        )
        seen = []
        for part in parts:
            if part and part not in seen:
                seen.append(part)
        return ", ".join(seen)

    def postal_address(self):
        """The schema.org PostalAddress anyone may read (never a private street or postcode)."""
        address = {"@type": "PostalAddress", "addressCountry": "GB"}
        if self.venue_town:
            address["addressLocality"] = self.venue_town
        if not self.venue_address_private:
            if self.venue_street:
                address["streetAddress"] = self.venue_street
            if self.venue_postcode:
                address["postalCode"] = self.venue_postcode
        return address
