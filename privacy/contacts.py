"""Who a subject-access or erasure request is about: an email address, a phone
number, or both, compared however the person typed them."""

from __future__ import annotations

import re
from dataclasses import dataclass


def normalise_phone(number: str | None) -> str:
    """Digits only, with a UK +44 prefix turned into the leading 0."""
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("44") and len(digits) >= 12:
        digits = "0" + digits[2:]
    return digits


@dataclass(frozen=True)
class Contact:
    """The email address and phone number a request searches for ("" when not given)."""

    email: str = ""
    phone: str = ""

    @classmethod
    def from_request(cls, email: str | None = None, phone: str | None = None) -> Contact:
        """Trimmed; a "phone number" without a single digit is left out."""
        cleaned_phone = (phone or "").strip()
        if not normalise_phone(cleaned_phone):
            cleaned_phone = ""
        return cls(email=(email or "").strip(), phone=cleaned_phone)

    @property
    def phone_digits(self) -> str:
        return normalise_phone(self.phone)
