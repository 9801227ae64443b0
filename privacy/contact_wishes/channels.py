"""The ways of reaching a person, and the answers to "may we use it, and is it safe?"."""

from django.db import models


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    TEXT = "text", "Text message"
    CALL = "call", "Phone call"
    SUPPORT_WORKER = "support_worker", "Through a support worker"


# The contact detail each channel uses (a field of ContactWishes).
DETAIL_FIELD = {
    Channel.EMAIL: "contact_email",
    Channel.TEXT: "contact_phone",
    Channel.CALL: "contact_phone",
    Channel.SUPPORT_WORKER: "support_worker",
}


class Wish(models.TextChoices):
    """One answer covers both halves of the question."""

    SAFE = "safe", "Yes"
    PRIVATE = "private", "Yes, but keep it private"
    NO = "no", "No"


# The answers in the person's words, per channel.
WISH_LABELS = {
    Channel.EMAIL: (
        "Yes. It is fine if someone else reads it",
        "Yes, but someone else might read it: do not say what it is about",
        "No, do not email me",
    ),
    Channel.TEXT: (
        "Yes. It is fine if someone else sees it",
        "Yes, but someone else might see it: do not say what it is about",
        "No, do not text me",
    ),
    Channel.CALL: (
        "Yes. It is fine if someone else answers, or to leave a voicemail",
        "Yes, but only speak to me, and leave no message saying what it is about",
        "No, do not call me",
    ),
    Channel.SUPPORT_WORKER: (
        "Yes. They can know what it is about",
        "Yes, but do not tell them what it is about",
        "No",
    ),
}

QUESTIONS = {
    Channel.EMAIL: "May we email you?",
    Channel.TEXT: "May we text you?",
    Channel.CALL: "May we call you?",
    Channel.SUPPORT_WORKER: "May we contact you through a support worker?",
}


def wish_choices(channel):
    safe, private, no = WISH_LABELS[channel]
    return [(Wish.SAFE, safe), (Wish.PRIVATE, private), (Wish.NO, no)]
