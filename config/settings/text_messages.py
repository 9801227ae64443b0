"""Text message settings, read by base.py: who delivers texts and how (README "Text messages")."""

import os

from .environment import env_int

# Text messages (privacy/texts/): who delivers them, like EMAIL_BACKEND.
# GOV.UK Notify by default in production (a live key is needed); the console
# in development, memory in tests. README "Text messages" lists the choices.
TEXT_MESSAGE_BACKEND = os.environ.get(
    "TEXT_MESSAGE_BACKEND", "privacy.texts.backends.notify.NotifyTextBackend"
)
TEXT_MESSAGE_TIMEOUT = env_int("TEXT_MESSAGE_TIMEOUT", 20)
# Attempts at sending one text before it is marked failed, and the wait
# before the first retry (doubled for each later one).
TEXT_MESSAGE_ATTEMPTS = env_int("TEXT_MESSAGE_ATTEMPTS", 5)
TEXT_MESSAGE_RETRY_SECONDS = env_int("TEXT_MESSAGE_RETRY_SECONDS", 300)
# The sending window, in whole hours of the site's time zone: no texts
# outside it unless the person asked for that one.
TEXT_WINDOW_OPENS = env_int("TEXT_WINDOW_OPENS", 8)
TEXT_WINDOW_CLOSES = env_int("TEXT_WINDOW_CLOSES", 21)
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_SMS_TEMPLATE_ID = os.environ.get("NOTIFY_SMS_TEMPLATE_ID", "")
NOTIFY_SMS_SENDER_ID = os.environ.get("NOTIFY_SMS_SENDER_ID", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "")
TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "")
TWILIO_API_KEY_SID = os.environ.get("TWILIO_API_KEY_SID", "")
TWILIO_API_KEY_SECRET = os.environ.get("TWILIO_API_KEY_SECRET", "")
TWILIO_MESSAGING_SERVICE_SID = os.environ.get("TWILIO_MESSAGING_SERVICE_SID", "")
TWILIO_FROM = os.environ.get("TWILIO_FROM", "")
TWILIO_BASE_URL = os.environ.get("TWILIO_BASE_URL", "")
