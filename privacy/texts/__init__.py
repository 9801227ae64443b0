"""Text messages (SMS) to people, the way ``home.emails`` sends email.

- ``numbers``: which numbers get texts (UK mobiles, normalised to +447...).
- ``length``: how many characters and parts a text takes (GSM-7 or UCS-2).
- ``backends``: who delivers them, chosen by the ``TEXT_MESSAGE_BACKEND``
  setting like Django's ``EMAIL_BACKEND``: the console (development), memory
  (tests), GOV.UK Notify or Twilio (production).
- ``models.TextMessage``: one record per text, with its status, attempts and
  last error; ``sending``: queues it after the transaction commits, sends it
  in a task, retries it a set number of times and keeps to the sending window.

Flows never call these directly: a message to a person goes through
``privacy.contact_wishes.messages``, which honours their wishes.
"""
