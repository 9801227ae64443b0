"""Keep it: email someone the link to their result, with their consent and as
their contact wishes allow (``privacy.contact_wishes``).

The person gives an email address, says whether someone else may read their
email, and agrees we keep the address for the retention period. When it is
safe, the email carries the result's link; when it is not, it is the neutral
message, whose ``/m/<token>/`` link asks for the reference shown on the
result before it opens it (``ladder.journey.message_link``). The address is
declared in the privacy registry (``ladder.privacy``) and purged after the
retention period counted from this consent.
"""

from django import forms
from django.utils import timezone

from home.form_fields import DescribedForm
from home.models import SiteSettings
from home.private_links import new_reference
from ladder.invitations.emails import page_link
from ladder.models.assessments import SelfAssessment
from ladder.models.settings import RESULT_LINK_BODY, RESULT_LINK_SUBJECT, LadderSettings
from privacy.contact_wishes.channels import Channel
from privacy.contact_wishes.forms import ContactWishesForm
from privacy.contact_wishes.messages import PersonalMessage, send_personal_email

EMAIL_FIELDS = ("contact_email", "email_ok", "email_safe")


class KeepForm(DescribedForm, ContactWishesForm, forms.ModelForm):
    """The address to send the link to, whether it is safe, and consent to keep it."""

    contact_channels = (Channel.EMAIL,)
    contact_why = (
        "We email you the private link to this result, and nothing else. Some people share an "
        "email inbox: if someone else might see our email, it will not say what it is about."
    )
    consent = forms.BooleanField(
        label="I agree you keep my email address to send me this link",
        error_messages={"required": "Tick the box to agree we keep your email address"},
    )

    class Meta:
        model = SelfAssessment
        fields: list[str] = []

    def __init__(self, *args, retention_days, **kwargs):
        super().__init__(*args, **kwargs)
        # Anyone the link was shared with sees this form: it never shows the
        # address or wishes already given.
        self.initial = {}
        consent = self.fields["consent"]
        consent.help_text = (
            f"We delete it {retention_days} days after you ask, and use it for nothing else."
        )

    def save(self, commit=True):
        # Only the email wishes: the texts and calls the person allowed on
        # "About you" stay as they were.
        values = self.cleaned_data["contact_wishes"]
        for name in EMAIL_FIELDS:
            setattr(self.instance, name, values[name])
        self.instance.link_consented_at = timezone.now()
        if not self.instance.reference:
            self.instance.reference = new_reference()
        self.instance.save(update_fields=[*EMAIL_FIELDS, "link_consented_at", "reference"])
        return self.instance


def keep_form(assessment, request, data=None):
    retention_days = SiteSettings.load(request_or_site=request).retention_days
    return KeepForm(data, instance=assessment, retention_days=retention_days)


def send_result_link(assessment, page, token, request=None):
    """Email the result's link as the person's wishes allow; returns whether one was queued."""
    texts = LadderSettings.load(request_or_site=request)
    organisation = SiteSettings.load(request_or_site=request).organisation_name
    link = page_link(page, "result", token, request)
    values = {
        "organisation": organisation,
        "link": link,
        "reference": assessment.reference,
        "sent_on": timezone.localtime(assessment.submitted_at).strftime("%-d %B %Y"),
    }
    message = PersonalMessage(
        RESULT_LINK_SUBJECT.fill(texts.result_link_subject, values),
        RESULT_LINK_BODY.fill(texts.result_link_body, values),
        private_link=link,
        token=token,
    )
    return send_personal_email(assessment, message, organisation)
