"""Message wording that editors change in the admin, with placeholders.

Editors write a message's words in the site settings; a word in curly
brackets, such as ``{name}``, is filled in for each person when the message
is sent. Each kind of message declares the placeholders it offers (and any
it must contain) as a ``Wording``; the admin refuses anything else beside
the field, naming it; filling in leaves any other text exactly as written.

To add a kind of message:

1. declare its ``Wording`` beside the settings model that holds its text;
2. give the text's fields a validator that calls ``wording.validate`` (a
   module-level function, because migrations refer to validators by name);
3. when sending, ``wording.fill(text, values)`` with a value for every
   placeholder.
"""

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError

# "{name}": a placeholder is a name in curly brackets, nothing else inside.
_BRACKETED = re.compile(r"\{([^{}]*)\}")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Wording:
    """The placeholders one kind of message may use, and those it must use."""

    def __init__(
        self,
        placeholders: Mapping[str, str],
        required: tuple[str, ...] = (),
        what: str = "email",
    ) -> None:
        """``placeholders`` maps each name to what it is filled with, in words for
        editors; ``what`` names the message in errors ("The email must contain...")."""
        unknown_required = set(required) - set(placeholders)
        if unknown_required:
            raise ValueError(f"Required placeholders are not offered: {unknown_required}")
        self.placeholders = dict(placeholders)
        self.required = required
        self.what = what

    def describe(self) -> str:
        """The placeholders in words, for help text: "You can use {name} for ..."."""
        return "You can use " + ", ".join(
            "{" + name + "} for " + meaning for name, meaning in self.placeholders.items()
        )

    def validate(self, text: str) -> None:
        """Refuse stray brackets, placeholders this message does not offer, and
        missing required ones, with a message that names them."""
        text = text or ""
        bracketed = _BRACKETED.findall(text)
        if "{" in _BRACKETED.sub("", text) or "}" in _BRACKETED.sub("", text):
            example = next(iter(self.placeholders), "name")
            raise ValidationError(
                "Curly brackets are only for placeholders such as {%(example)s}. "
                "Check each { has a }.",
                code="stray_bracket",
                params={"example": example},
            )
        unknown = sorted({name for name in bracketed if name not in self.placeholders})
        if unknown:
            raise ValidationError(
                "We cannot fill in %(unknown)s. %(help)s.",
                code="unknown_placeholder",
                params={
                    "unknown": " or ".join("{" + name + "}" for name in unknown),
                    "help": self.describe(),
                },
            )
        missing = [name for name in self.required if name not in bracketed]
        if missing:
            raise ValidationError(
                "The %(what)s must contain %(missing)s.",
                code="missing_placeholder",
                params={
                    "what": self.what,
                    "missing": " and ".join("{" + name + "}" for name in missing),
                },
            )

    def fill(self, text: str, values: Mapping[str, object]) -> str:
        """``text`` with each offered placeholder replaced by its value.

        Anything else in curly brackets stays as written, so text saved before
        a placeholder was withdrawn still reads sensibly. ``values`` must give
        every offered placeholder: a missing one is a mistake in the code.
        """
        missing = set(self.placeholders) - set(values)
        if missing:
            raise KeyError(f"No value for placeholders {sorted(missing)}")

        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            return str(values[name]) if name in self.placeholders else match.group(0)

        return _PLACEHOLDER.sub(value, text or "")
