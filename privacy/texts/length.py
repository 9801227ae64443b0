"""How long a text is, in the units phone networks charge for.

A text made only of GSM-7 characters (the GSM 03.38 alphabet: plain English,
most Western European accents) fits 160 characters in one part; a longer one
is split into parts of 153 (each part carries a header), so two parts hold
306. Characters from the alphabet's extension table (``^{}\\[~]|€`` and the
form feed) take two places each.

One character outside that alphabet (Welsh ŵ and ŷ, Arabic, Urdu, an emoji)
turns the whole text into UCS-2: 70 characters in one part, parts of 67 after
that (134 in two). UCS-2 counts UTF-16 code units, so an emoji takes two.
"""

from dataclasses import dataclass

GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = "\f^{}\\[~]|€"

GSM7 = "GSM-7"
UCS2 = "UCS-2"

# Characters in one part, and in each part of a longer text.
SINGLE_PART = {GSM7: 160, UCS2: 70}
PER_PART = {GSM7: 153, UCS2: 67}

# Every text the site sends must fit in this many parts, link included.
MOST_PARTS = 2


@dataclass(frozen=True)
class TextLength:
    encoding: str
    characters: int  # in the encoding's units (septets or UTF-16 code units)
    parts: int

    @property
    def fits(self) -> bool:
        """Whether the text fits in ``MOST_PARTS`` parts."""
        return self.parts <= MOST_PARTS


def is_gsm7(body: str) -> bool:
    return all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in body)


def text_length(body: str) -> TextLength:
    """The encoding, length and number of parts of ``body``."""
    if is_gsm7(body):
        encoding = GSM7
        characters = sum(2 if char in GSM7_EXTENSION else 1 for char in body)
    else:
        encoding = UCS2
        characters = len(body.encode("utf-16-le")) // 2
    if characters <= SINGLE_PART[encoding]:
        parts = 1 if characters else 0
    else:
        parts = -(-characters // PER_PART[encoding])
    return TextLength(encoding=encoding, characters=characters, parts=parts)


def most_characters(encoding: str, parts: int = MOST_PARTS) -> int:
    """The longest text of ``encoding`` that fits in ``parts`` parts: 160/306, 70/134."""
    return SINGLE_PART[encoding] if parts == 1 else PER_PART[encoding] * parts
