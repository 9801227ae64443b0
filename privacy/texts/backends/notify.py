"""GOV.UK Notify, through its own client (``notifications-python-client``).

Notify sends a text from a template kept in the Notify account. The site uses
one text template whose whole content is ``((body))``, so the wording stays
editable here; ``NOTIFY_SMS_TEMPLATE_ID`` names it. ``NOTIFY_API_KEY`` is a
live key ("team and guest list" keys only reach the team's own phones);
``NOTIFY_BASE_URL`` is Notify's API unless set (tests point it at a stand-in).
Notify is for public-sector bodies.
"""

from django.conf import settings
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

from privacy.texts.backends import TextRefused

NOTIFY_API = "https://api.notifications.service.gov.uk"


class NotifyTextBackend:
    def __init__(self):
        self.client = NotificationsAPIClient(
            settings.NOTIFY_API_KEY,
            base_url=settings.NOTIFY_BASE_URL or NOTIFY_API,
            timeout=settings.TEXT_MESSAGE_TIMEOUT,
        )

    def send(self, text):
        try:
            response = self.client.send_sms_notification(
                phone_number=text.to,
                template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
                personalisation={"body": text.body},
                reference=text.reference,
                sms_sender_id=settings.NOTIFY_SMS_SENDER_ID or None,
            )
        except HTTPError as error:
            # 400: Notify will never send it (a bad number, a missing
            # template). Others (403 a wrong key, 429 too many, 5xx) may pass later.
            if error.status_code == 400:
                raise TextRefused(f"Notify refused the text: {error.message}") from error
            raise
        return response["id"]
