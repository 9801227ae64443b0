"""Invited team assessments and their respondents.

A rung shown next to a partner's name is a public claim, so it comes only
from here: the team invites a partner to assess a named service, team or
project; several people answer through the invitation's link; the lead
contact may ask for the combined result to be published
(``ladder.models.publications``); a moderator approves or declines.
Nothing else ever reaches a public page.
"""

import base64
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

from home.private_links import hash_token, new_reference
from ladder.choices import Relation, Scope
from ladder.models.settings import LadderSettings
from privacy.contact_wishes.channels import Channel
from privacy.contact_wishes.models import ContactWishes

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


class Invitation(ContactWishes):
    """An invitation to a partner to assess one service, team or project.

    It has two private links: one to share with everyone who answers, and
    one for the lead contact alone, which shows the combined result and asks
    for (or withdraws) publication. Links stop taking answers at the expiry
    date; revoking stops both links at once.

    The lead contact is reached by email, with their contact wishes: when
    someone else may read their email, our emails to them are neutral, and
    their link asks for the invitation's reference, which the team tells
    them another way.
    """

    contact_channels = (Channel.EMAIL,)

    partner = models.ForeignKey(
        "partners.PartnerPage",
        on_delete=models.CASCADE,
        related_name="ladder_invitations",
        help_text="The partner organisation invited to assess its work.",
    )
    scope_kind = models.CharField(
        "what they assess",
        max_length=10,
        choices=Scope.choices,
        default=Scope.SERVICE,
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
    contact_email = models.EmailField(
        "lead contact's email",
        help_text=(
            "We email the links here, and tell them when answers arrive and when we decide "
            "about publication. Personal data: only the Personal data group can see it later."
        ),
    )
    email_ok = models.BooleanField("may email", default=True, editable=False)
    email_safe = models.BooleanField(
        "their email is safe",
        default=True,
        help_text=(
            "Untick if someone else may read the lead contact's email and must not learn of "
            "this: our emails will then say only that there is news, and their link will ask "
            "for the reference below, which you tell them another way."
        ),
    )
    reference = models.CharField(
        max_length=10,
        blank=True,
        editable=False,
        help_text="A short reference to give the lead contact by phone, like KMP-47X.",
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
        # Lead contacts are shown to those who may see personal data
        # (``privacy.view_personal_data``), not by a permission of their own.
        permissions = [("view_network_report", "Can see the network report")]

    def __str__(self):
        # No personal data: the audit log keeps this label after deletion.
        return f"Invitation {self.pk}: {self.get_scope_kind_display().lower()} '{self.scope_name}'"

    def save(self, *args, **kwargs):
        if not self.token_salt:
            self.issue_links()
        if not self.reference:
            self.reference = new_reference()
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


def invited_respondent(assessment):
    """The assessment's Respondent if it answers an invitation, else None."""
    try:
        return assessment.respondent
    except ObjectDoesNotExist:
        return None
