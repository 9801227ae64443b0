"""Invited team assessments, their respondents, publication, and their settings.

A rung shown next to a partner's name is a public claim, so it comes only
from here: the team invites a partner to assess a named service, team or
project; several people answer through the invitation's link; the lead
contact may ask for the combined result to be published; a moderator
approves or declines. Nothing else ever reaches a public page.
"""

import base64
import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from home.private_links import hash_token

ANSWER = "answer"
LEAD = "lead"
MAX_TOKEN_LENGTH = 100


def derive_token(salt, purpose):
    """The link token for ``purpose`` (answer or lead) of an invitation.

    Like Django's password-reset tokens, a link is derived from the site's
    secret key and a random salt kept per invitation, and only its SHA-256
    hash is stored for look-ups. A leaked database alone opens nothing, yet
    the site can put the lead contact's link in later emails. Changing the
    salt (or SECRET_KEY) kills both links.
    """
    digest = salted_hmac(f"ladder.invitation.{purpose}", salt, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def default_expiry():
    return timezone.now() + timedelta(days=LadderSettings.load().invitation_valid_days)


class ScopeKind(models.TextChoices):
    SERVICE = "service", "A service"
    TEAM = "team", "A team"
    PROJECT = "project", "A project"


class InvitationQuerySet(models.QuerySet):
    def _for(self, field, token):
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return self.none()
        return self.filter(**{field: hash_token(token)})

    def for_answer_token(self, token):
        return self._for("answer_token_hash", token)

    def for_lead_token(self, token):
        return self._for("lead_token_hash", token)

    def not_revoked(self):
        return self.filter(revoked_at__isnull=True)


class Invitation(models.Model):
    """An invitation to a partner to assess one service, team or project.

    It has two private links: one to share with everyone who answers, and
    one for the lead contact alone, which shows the combined result and asks
    for (or withdraws) publication. Links stop taking answers at the expiry
    date; revoking stops both links at once.
    """

    partner = models.ForeignKey(
        "partners.PartnerPage",
        on_delete=models.CASCADE,
        related_name="ladder_invitations",
        help_text="The partner organisation invited to assess its work.",
    )
    scope_kind = models.CharField(
        "what they assess",
        max_length=10,
        choices=ScopeKind.choices,
        default=ScopeKind.SERVICE,
        help_text="Whether they are assessing a service, a team or a project.",
    )
    scope_name = models.CharField(
        "name of the service, team or project",
        max_length=200,
        help_text="For example 'Tenants' voice panel'. Shown to everyone who answers.",
    )
    lead_name = models.CharField(
        "lead contact's name",
        max_length=120,
        help_text="The person at the partner who looks after this assessment. Personal data.",
    )
    lead_email = models.EmailField(
        "lead contact's email",
        help_text=(
            "We email the links here, and tell them when answers arrive and when we decide "
            "about publication. Personal data: only the Personal data group can see it later."
        ),
    )
    expires_at = models.DateTimeField(
        "links work until",
        default=default_expiry,
        help_text="After this, nobody can start answering. The lead contact's link still works.",
    )
    revoked_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the links were switched off for good.",
    )
    token_salt = models.CharField(max_length=64, editable=False)
    answer_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    lead_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "invitation"
        permissions = [
            ("view_lead_contact", "Can see the lead contacts of invitations"),
            ("view_network_report", "Can see the network report"),
        ]

    def __str__(self):
        # No personal data: the audit log keeps this label after deletion.
        return f"Invitation {self.pk}: {self.get_scope_kind_display().lower()} '{self.scope_name}'"

    def save(self, *args, **kwargs):
        if not self.token_salt:
            self.issue_links()
        super().save(*args, **kwargs)

    def issue_links(self):
        """New links (a new salt): any older links stop working."""
        self.token_salt = secrets.token_urlsafe(32)
        self.answer_token_hash = hash_token(self.answer_token)
        self.lead_token_hash = hash_token(self.lead_token)

    @property
    def answer_token(self):
        return derive_token(self.token_salt, ANSWER)

    @property
    def lead_token(self):
        return derive_token(self.token_salt, LEAD)

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def takes_answers(self):
        return not self.is_revoked and not self.is_expired

    @property
    def status_label(self):
        if self.is_revoked:
            return "Revoked"
        if self.is_expired:
            return "Expired"
        return "Open"

    @property
    def scope_label(self):
        return f"{self.get_scope_kind_display()}: {self.scope_name}"

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])


class Respondent(models.Model):
    """Links one self-assessment to the invitation it answered, with who answered.

    The name is optional and personal; the relation (staff, volunteer or
    community member) is what the combined result compares.
    """

    class Relation(models.TextChoices):
        STAFF = "staff", "Staff"
        VOLUNTEER = "volunteer", "Volunteer"
        COMMUNITY = "community", "Community member"

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="respondents")
    assessment = models.OneToOneField(
        "ladder.SelfAssessment", on_delete=models.CASCADE, related_name="respondent"
    )
    name = models.CharField(max_length=120, blank=True, help_text="Optional. Personal data.")
    relation = models.CharField(
        "how they relate to the partner", max_length=10, choices=Relation.choices, blank=True
    )

    class Meta:
        ordering = ["invitation", "pk"]
        verbose_name = "respondent"

    def __str__(self):
        return f"Respondent {self.pk} to invitation {self.invitation_id}"


class PublicationQuerySet(models.QuerySet):
    def shown(self):
        """Publications on public pages: approved, current and from a live invitation."""
        return self.filter(status=Publication.Status.APPROVED, invitation__revoked_at__isnull=True)


class Publication(models.Model):
    """A request to publish an invitation's combined rung, and what became of it.

    It keeps a snapshot of the combined result as it stood when the lead
    contact asked, so the moderator approves exactly what will be shown.
    Approving one replaces the partner's earlier approved rung.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for a decision"
        APPROVED = "approved", "Published"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn by the partner"
        REPLACED = "replaced", "Replaced by a newer result"

    invitation = models.ForeignKey(
        Invitation, on_delete=models.CASCADE, related_name="publications"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    rung = models.ForeignKey("ladder.Rung", on_delete=models.PROTECT, related_name="publications")
    rung_level = models.PositiveSmallIntegerField()
    rung_name = models.CharField(max_length=80)
    respondent_count = models.PositiveSmallIntegerField()
    assessed_on = models.DateField(help_text="The day of the latest answer counted.")
    themes = models.JSONField(default=list, blank=True, help_text="Each theme's combined rung.")
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decline_reason = models.TextField(
        blank=True, help_text="Why it was declined, in words the lead contact will read."
    )
    ended_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was withdrawn or replaced."
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = "publication request"
        permissions = [("decide_publication", "Can approve or decline publication of a rung")]

    def __str__(self):
        return f"Publication request {self.pk} ({self.get_status_display().lower()})"

    @property
    def is_pending(self):
        return self.status == self.Status.REQUESTED

    @property
    def is_shown(self):
        return self.status == self.Status.APPROVED


PLACEHOLDERS = {
    "lead_name": "the lead contact's name",
    "partner": "the partner's name",
    "scope": "what they are assessing",
    "organisation": "our organisation's name",
    "answer_link": "the link to share with everyone who answers",
    "lead_link": "the lead contact's own link",
    "expires": "the date the links stop taking answers",
}
REQUIRED_PLACEHOLDERS = ("answer_link", "lead_link")

DEFAULT_SUBJECT = "{organisation}: your invitation to assess {scope} on our ladder"
DEFAULT_BODY = """Hello {lead_name},

Thank you for agreeing to look at how {partner} involves people, using our Ladder of Community Participation. This invitation is for {scope}.

Please share this link with the people who will answer: staff, volunteers and the community members you work with. Each person answers on their own. It takes about 15 minutes, and nobody else sees their own answers:

{answer_link}

This second link is for you alone. It shows the combined result as answers arrive, where people's views differ, and lets you ask us to publish the result on your profile, or take it down again:

{lead_link}

The links take answers until {expires}.

With thanks,
{organisation}
"""


def placeholders_used(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@register_setting(icon="order")
class LadderSettings(BaseGenericSetting):
    """The invitation email and how long invitation links work."""

    DEFAULT_VALID_DAYS = 60

    invitation_subject = models.CharField(
        max_length=200,
        default=DEFAULT_SUBJECT,
        help_text="The subject of the invitation email. Words in {curly brackets} are filled in.",
    )
    invitation_body = models.TextField(
        default=DEFAULT_BODY,
        help_text=(
            "The invitation email. It must contain {answer_link} and {lead_link}. "
            "Words in {curly brackets} are filled in; see the list above."
        ),
    )
    invitation_valid_days = models.PositiveSmallIntegerField(
        "links work for (days)",
        default=DEFAULT_VALID_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text="How long a new invitation's links take answers, unless you set a date.",
    )

    panels = [
        HelpPanel(
            content="<p>You can use these in the subject and the email: "
            + ", ".join(f"<code>{{{name}}}</code> ({text})" for name, text in PLACEHOLDERS.items())
            + ".</p>"
        ),
        FieldPanel("invitation_subject"),
        FieldPanel("invitation_body"),
        FieldPanel("invitation_valid_days"),
    ]

    class Meta:
        verbose_name = "ladder invitations"

    def __str__(self):
        return "Ladder invitation settings"

    def clean(self):
        super().clean()
        errors = {}
        for field_name in ("invitation_subject", "invitation_body"):
            try:
                used = placeholders_used(getattr(self, field_name))
            except ValueError:
                errors[field_name] = "A curly bracket is not closed. Write {partner}, for example."
                continue
            unknown = sorted(used - set(PLACEHOLDERS))
            if unknown:
                errors[field_name] = (
                    f"We cannot fill in {{{unknown[0]}}}. Use only the words listed above."
                )
        if "invitation_body" not in errors:
            missing = [
                name
                for name in REQUIRED_PLACEHOLDERS
                if name not in placeholders_used(self.invitation_body)
            ]
            if missing:
                errors["invitation_body"] = (
                    "The email must contain " + " and ".join(f"{{{m}}}" for m in missing) + "."
                )
        if errors:
            raise ValidationError(errors)
