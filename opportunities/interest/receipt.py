"""What the person is shown once their interest is sent: their reference and
private link, signed into the confirmation page's address for a day."""

from dataclasses import dataclass

from django.core import signing

RECEIPT_SALT = "opportunities.interest.receipt"
RECEIPT_MAX_AGE = 60 * 60 * 24


@dataclass
class Receipt:
    """What the person is shown: the reference and their private link's token."""

    reference: str
    token: str
    has_email: bool
    stored: bool = True

    def sign(self):
        return signing.dumps(
            {"r": self.reference, "t": self.token, "e": self.has_email}, salt=RECEIPT_SALT
        )

    @classmethod
    def unsign(cls, value):
        data = signing.loads(value or "", salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
        return cls(reference=data["r"], token=data["t"], has_email=data["e"])
