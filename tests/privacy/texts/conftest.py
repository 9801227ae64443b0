import pytest

from tests.privacy.texts.sms_services import FakeNotify, FakeTwilio


@pytest.fixture
def notify(settings):
    """The Notify backend, talking to a stand-in for Notify on 127.0.0.1."""
    with FakeNotify() as service:
        settings.TEXT_MESSAGE_BACKEND = "privacy.texts.backends.notify.NotifyTextBackend"
        settings.NOTIFY_API_KEY = FakeNotify.API_KEY
        settings.NOTIFY_SMS_TEMPLATE_ID = FakeNotify.TEMPLATE_ID
        settings.NOTIFY_BASE_URL = service.url
        yield service


@pytest.fixture
def twilio(settings):
    """The Twilio backend, talking to a stand-in for Twilio on 127.0.0.1."""
    with FakeTwilio() as service:
        settings.TEXT_MESSAGE_BACKEND = "privacy.texts.backends.twilio.TwilioTextBackend"
        settings.TWILIO_ACCOUNT_SID = FakeTwilio.ACCOUNT_SID
        settings.TWILIO_AUTH_TOKEN = FakeTwilio.AUTH_TOKEN
        settings.TWILIO_FROM = FakeTwilio.FROM
        settings.TWILIO_BASE_URL = service.url
        yield service
