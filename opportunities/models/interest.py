"""Expressions of interest: special-category data, so collected sparingly.

Interest in an opportunity "for people with experience of prison" reveals
that experience. These records are shown only to the Personal data group,
carry nothing personal in ``__str__`` (Wagtail's audit log keeps labels after
deletion), are reached by the person only through a hashed, expiring token,
and are deleted a set time after their opportunity closes
(``manage.py purge_personal_data``, by the rule in ``opportunities/privacy.py``).
"""

from django.db import models

from home.private_links import DerivedPrivateLink
from home.private_links import new_reference as new_reference
from opportunities.choices import ContactMethod, InterestStatus
from privacy.contact_wishes.models import ContactWishes
from privacy.contacts import normalise_phone  # one rule for comparing numbers, site-wide


def contact_key(method: str, detail: str | None) -> str:
    """The same person's contact detail, however they typed it.

    Used to spot duplicates and to answer access and erasure requests: an
    email is compared in lower case; a phone number (for calls or texts) by
    its digits; a support worker's details as written, in lower case.
    """
    if method == ContactMethod.EMAIL:
        return "email:" + (detail or "").strip().lower()
    if method == "support_worker":
        return "support:" + " ".join((detail or "").lower().split())
    return "phone:" + normalise_phone(detail)


def wishes_key(wishes: ContactWishes) -> str:
    """One person's key: their email if they gave one, else their phone, else
    their support worker's details."""
    if wishes.contact_email:
        return contact_key(ContactMethod.EMAIL, wishes.contact_email)
    if wishes.contact_phone:
        return contact_key(ContactMethod.PHONE, wishes.contact_phone)
    return contact_key("support_worker", wishes.support_worker)


class ExpressionOfInterest(DerivedPrivateLink, ContactWishes):
    """One person's interest in one opportunity, and what happened next.

    How we may reach them, and whether it is safe, are their contact wishes
    (``privacy.contact_wishes``): every message to them honours those.
    """

    link_namespace = "opportunities.interest.status"  # the token's own: it opens nothing else

    Status = InterestStatus

    opportunity = models.ForeignKey(
        "opportunities.OpportunityPage",
        on_delete=models.CASCADE,
        related_name="expressions_of_interest",
        help_text="The opportunity this person is interested in.",
    )
    reference = models.CharField(
        max_length=10,
        unique=True,
        editable=False,
        help_text="The short reference the person was given. Ask for it on the phone.",
    )
    opportunity_title = models.CharField(
        "opportunity (as it was)",
        max_length=255,
        editable=False,
        help_text="The opportunity's title when the person sent this.",
    )

    # What the person told us
    name = models.CharField(max_length=200, help_text="Personal data.")
    contact_key = models.CharField(
        max_length=260,
        editable=False,
        db_index=True,
        help_text="The contact detail in a standard form, to spot duplicates.",
    )
    on_behalf_of = models.BooleanField(
        "filled in for someone else",
        default=False,
        help_text="Someone filled this in for the person who is interested.",
    )
    on_behalf_of_name = models.CharField(
        "name of the person it is for",
        max_length=200,
        blank=True,
        help_text="The name of the person who is interested, when someone filled it in for them.",
    )
    access_needs = models.TextField(
        blank=True,
        help_text="Only kept when the person agreed to it, to arrange support. Personal data.",
    )
    access_needs_consent = models.BooleanField(
        "agreed to us keeping access needs",
        default=False,
        help_text="The person ticked the box to let us keep their access needs.",
    )
    anything_else = models.TextField(blank=True, help_text="Anything else they told us.")
    consent = models.BooleanField(
        default=False,
        help_text="The person agreed to us keeping these details for this opportunity.",
    )
    wants_outcome = models.BooleanField(
        "tell them what changed",
        default=False,
        help_text="The person asked to hear what changed when the outcome is published.",
    )

    # Following up
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
        help_text="Where this is up to. Selected people count towards the places.",
    )
    editor_note = models.TextField(
        blank=True,
        help_text=(
            "For the team: what was agreed, when you called. Keep it short and factual; "
            "the person can ask to see it."
        ),
    )
    status_changed_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the status last changed."
    )
    message_sent_for = models.CharField(
        "status message sent for",
        max_length=20,
        blank=True,
        editable=False,
        help_text="The status whose message was last emailed to the person.",
    )
    message_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When that status message was sent."
    )
    outcome_notice_sent_at = models.DateTimeField(
        "told what changed on",
        null=True,
        blank=True,
        editable=False,
        help_text="When the outcome email was sent (it is sent only once).",
    )

    # The private link: derived from a salt and the site's key, only its hash
    # is kept, and it expires. Records from before salts have none: their
    # next message issues a new link (``private_link_token``).
    token_salt = models.CharField(max_length=64, blank=True, editable=False)
    token_hash = models.CharField(
        max_length=64, unique=True, editable=False, help_text="Hash of the private link."
    )
    token_expires_at = models.DateTimeField(
        editable=False, help_text="After this the private link stops working."
    )

    created_at = models.DateTimeField(
        "sent", auto_now_add=True, db_index=True, help_text="When the person sent it."
    )
    updated_at = models.DateTimeField(auto_now=True, help_text="When it last changed.")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "expression of interest"
        verbose_name_plural = "expressions of interest"
        constraints = [
            # The same person cannot be stored twice for one opportunity, even
            # when two submissions race each other.
            models.UniqueConstraint(
                fields=["opportunity", "contact_key"], name="one_interest_per_contact"
            )
        ]

    def __str__(self):
        # The reference only: this label outlives the record in the audit log.
        return f"Expression of interest {self.reference}"

    def save(self, *args, **kwargs):
        self.contact_key = wishes_key(self)
        if not self.access_needs_consent:
            self.access_needs = ""
        return super().save(*args, **kwargs)

    @property
    def person_name(self):
        """The person who is interested (not whoever filled the form in for them)."""
        return self.on_behalf_of_name if self.on_behalf_of and self.on_behalf_of_name else self.name


# Places ------------------------------------------------------------------------


def places_taken(opportunity):
    """How many people are selected: places count selections, not interest."""
    return ExpressionOfInterest.objects.filter(
        opportunity_id=opportunity.pk, status=InterestStatus.SELECTED
    ).count()


def selections():
    """How many people are selected for the opportunity of the outer query
    (``OuterRef("pk")``), as a subquery: 0 comes back as no row."""
    return (
        ExpressionOfInterest.objects.filter(
            opportunity=models.OuterRef("pk"), status=InterestStatus.SELECTED
        )
        .order_by()
        .values("opportunity")
        .annotate(count=models.Count("pk"))
        .values("count")
    )


def selection_changed(sender, instance, update_fields=None, **kwargs):
    """post_save and post_delete receiver: a selection made, undone, withdrawn or
    erased may fill the opportunity's last place or free one."""
    if update_fields is not None and "status" not in update_fields:
        return
    opportunity = ExpressionOfInterest._meta.get_field("opportunity").related_model
    opportunity.store_full(instance.opportunity_id)


def places_reached(opportunity):
    return bool(opportunity.places) and places_taken(opportunity) >= opportunity.places
