"""Asking selected people what happened, after their last session.

``ask_after_last_sessions`` (run daily by ``manage.py send_payment_feedback``)
sends each selected person, once, a message with a private link the day
after the last session of their opportunity; ``ask_again_about_not_paid``
asks once more, a week later, anyone who answered "Not yet" to "Have you
been paid?", and tells the team (references only). Every message honours
the person's contact wishes (``privacy.contact_wishes.messages``).
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from home.emails import send_templated_email
from home.models import SiteSettings
from home.private_links import hash_token
from home.site_address import absolute_url, site_url
from opportunities.choices import InterestStatus
from opportunities.interest.emails import contact_line
from opportunities.models.interest import ExpressionOfInterest
from payments.choices import BeenPaid
from payments.models.feedback import ASK_AGAIN_DAYS, Feedback
from payments.models.messages import FEEDBACK_REQUEST, FEEDBACK_TEXT, FeedbackMessages
from privacy.contact_wishes.links import message_link
from privacy.contact_wishes.messages import (
    PersonalMessage,
    send_personal_email,
    send_personal_text,
)

FEEDBACK_KIND = "feedback request"


def feedback_path(token):
    return reverse("payments_feedback", args=(token,))


def feedback_url(token):
    return site_url() + feedback_path(token)


def find_by_token(token):
    if not token or len(token) > 100:
        return None
    feedback = (
        Feedback.objects.filter(token_hash=hash_token(token))
        .select_related("interest__opportunity")
        .first()
    )
    if feedback is None or not feedback.link_works():
        return None
    return feedback


def _send(feedback, token, subject, body, text=""):
    record = feedback.interest
    site_settings = SiteSettings.load()
    link = feedback_url(token)
    values = {
        "name": record.person_name,
        "reference": record.reference,
        "opportunity": record.opportunity_title,
        "organisation": site_settings.organisation_name,
        "link": link,
        "contact": contact_line(site_settings),
    }
    message = PersonalMessage(
        FEEDBACK_REQUEST.fill(subject, values),
        FEEDBACK_REQUEST.fill(body, values),
        private_link=link,
        token=token,
    )
    send_personal_email(record, message, site_settings.organisation_name, values["contact"])
    if text:
        text_body = FEEDBACK_TEXT.fill(text, {**values, "link": message_link(link, token)})
        send_personal_text(
            record,
            PersonalMessage("", text_body, private_link=link, token=token),
            site_settings.organisation_name,
            FEEDBACK_KIND,
        )


def due_for_asking(today):
    """Selected people whose opportunity's last session was before ``today``
    and who have not been asked yet."""
    return (
        ExpressionOfInterest.objects.filter(status=InterestStatus.SELECTED, feedback=None)
        .annotate(last_session=Max("opportunity__sessions__date"))
        .filter(last_session__lt=today)
    )


def ask(record, wording=None):
    """Make the person's feedback record and send the message; returns it."""
    wording = wording or FeedbackMessages.load()
    feedback = Feedback(interest=record, reference=record.reference, asked_at=timezone.now())
    token = feedback.issue_link()
    feedback.save()
    _send(feedback, token, wording.ask_subject, wording.ask_body, wording.ask_text)
    return feedback


def ask_after_last_sessions(today=None):
    """Ask everyone due; returns how many were asked. Safe to run again."""
    today = today or timezone.localdate()
    wording = FeedbackMessages.load()
    asked = 0
    for record in due_for_asking(today):
        with transaction.atomic():
            if not Feedback.objects.select_for_update().filter(interest=record).exists():
                ask(record, wording)
                asked += 1
    return asked


def ask_again_about_not_paid(now=None):
    """Ask once more those who said "Not yet" a week or more ago, and tell the team."""
    now = now or timezone.now()
    waiting = Feedback.objects.filter(
        been_paid=BeenPaid.NOT_YET,
        consent=True,
        asked_again_at=None,
        answered_at__lte=now - timedelta(days=ASK_AGAIN_DAYS),
    ).select_related("interest")
    wording = FeedbackMessages.load()
    references = []
    for feedback in waiting:
        with transaction.atomic():
            claimed = Feedback.objects.filter(pk=feedback.pk, asked_again_at=None).update(
                asked_again_at=now
            )
            if claimed:
                _send(
                    feedback,
                    feedback.private_link_token(),
                    wording.again_subject,
                    wording.again_body,
                )
                references.append(feedback.reference)
    if references:
        tell_team_not_paid(references)
    return len(references)


def tell_team_not_paid(references):
    site_settings = SiteSettings.load()
    if not site_settings.notification_email:
        return
    send_templated_email(
        "payments/team_not_paid",
        {"references": references, "payments_url": absolute_url(reverse("payments:list"))},
        [site_settings.notification_email],
    )


def save_answers(feedback, cleaned):
    """Keep the answers (only with consent); the first answer starts the 30 days."""
    now = timezone.now()
    for name, value in cleaned.items():
        setattr(feedback, name, value)
    if not feedback.consent:
        feedback.comment = ""
        feedback.may_quote = False
    if feedback.answered_at is None:
        feedback.answered_at = now
    feedback.changed_at = now
    feedback.save()
    return feedback
