"""Twilio, through its own client (``twilio``).

``TWILIO_ACCOUNT_SID`` and ``TWILIO_AUTH_TOKEN`` (or an API key's SID and
secret in ``TWILIO_API_KEY_SID`` / ``TWILIO_API_KEY_SECRET``) sign in; texts
come from ``TWILIO_MESSAGING_SERVICE_SID`` if set, else from the number or
alphanumeric sender ``TWILIO_FROM``. ``TWILIO_BASE_URL`` replaces
``https://api.twilio.com`` (tests point it at a stand-in), through the
client's own extension point, a custom HTTP client.
"""

from django.conf import settings
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from privacy.texts.backends import TextRefused

TWILIO_API = "https://api.twilio.com"


class BaseUrlHttpClient(TwilioHttpClient):
    """Twilio's own HTTP client, sending to ``base_url`` instead of Twilio's API."""

    def __init__(self, base_url, **kwargs):
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")

    def request(self, method, url, *args, **kwargs):
        if url.startswith(TWILIO_API):
            url = self.base_url + url[len(TWILIO_API) :]
        return super().request(method, url, *args, **kwargs)


class TwilioTextBackend:
    def __init__(self):
        base_url = settings.TWILIO_BASE_URL
        timeout = settings.TEXT_MESSAGE_TIMEOUT
        http_client = (
            BaseUrlHttpClient(base_url, timeout=timeout)
            if base_url
            else TwilioHttpClient(timeout=timeout)
        )
        if settings.TWILIO_API_KEY_SID:
            username, password = settings.TWILIO_API_KEY_SID, settings.TWILIO_API_KEY_SECRET
        else:
            username, password = settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN
        self.client = Client(
            username, password, account_sid=settings.TWILIO_ACCOUNT_SID, http_client=http_client
        )

    def send(self, text):
        sender = (
            {"messaging_service_sid": settings.TWILIO_MESSAGING_SERVICE_SID}
            if settings.TWILIO_MESSAGING_SERVICE_SID
            else {"from_": settings.TWILIO_FROM}
        )
        try:
            message = self.client.messages.create(to=text.to, body=text.body, **sender)
        except TwilioRestException as error:
            # 400: Twilio will never send it (a number it rejects, an
            # unsubscribed person). Others (401, 429, 5xx) may pass later.
            if error.status == 400:
                raise TextRefused(f"Twilio refused the text: {error.msg}") from error
            raise
        return message.sid
