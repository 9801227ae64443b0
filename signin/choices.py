"""What the sign-in log records."""

from django.db import models


class SignInEventKind(models.TextChoices):
    SIGNED_IN = "signed_in", "Signed in"
    PASSWORD_ACCEPTED = "password_accepted", "Password right, code asked"
    WRONG_PASSWORD = "wrong_password", "Wrong password"
    WRONG_CODE = "wrong_code", "Wrong code"
    REFUSED_LOCKED = "refused_locked", "Refused: locked"
    LOCKED_OUT = "locked_out", "Locked out"
    UNLOCKED = "unlocked", "Unlocked"
    ALERT_SENT = "alert_sent", "Superusers alerted"
    ENROLLED = "enrolled", "Two-step sign-in set up"
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", "New recovery codes"
    RESET = "reset", "Two-step sign-in reset"


class SecondFactorState(models.TextChoices):
    """Where a signed-in person stands with the second factor."""

    NOT_NEEDED = "not_needed", "Not needed"
    VERIFY = "verify", "Must enter a code"
    ENROL = "enrol", "Must set up two-step sign-in"
    DONE = "done", "Code entered"
