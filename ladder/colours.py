"""Rung colours: the colour picker and the contrast check (WCAG 2.2).

A rung's colour is drawn as the swatch beside its name on the ladder, with
the rung's number written on it in white (text: 4.5:1, WCAG 1.4.3), and as
the bars of the result charts on the white page (graphics: 3:1, WCAG 1.4.11).
"""

from django import forms
from django.core.exceptions import ValidationError

TEXT_ON_RUNG = "#ffffff"
PAGE = "#ffffff"
TEXT_MINIMUM = 4.5
BAR_MINIMUM = 3.0


class ColourInput(forms.TextInput):
    """The browser's own colour picker; without it, a text box taking #rrggbb."""

    input_type = "color"


def relative_luminance(hex_colour):
    """WCAG's relative luminance of a ``#rrggbb`` colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    """WCAG's contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(ratio):
    """A ratio as people read it, rounded down so a refusal never shows the minimum."""
    return f"{int(ratio * 100) / 100:g}:1"


def validate_rung_colour(value):
    """Refuse a colour the rung's white number or its chart bars would not stand out on."""
    if not isinstance(value, str) or len(value) != 7 or not value.startswith("#"):
        return  # the format validator says what is wrong
    try:
        int(value[1:], 16)
    except ValueError:
        return
    problems = []
    text = contrast_ratio(value, TEXT_ON_RUNG)
    if text < TEXT_MINIMUM:
        problems.append(
            f"the white rung number written on {value} has a contrast ratio of "
            f"{format_ratio(text)}, and text needs at least 4.5:1"
        )
    bar = contrast_ratio(value, PAGE)
    if bar < BAR_MINIMUM:
        problems.append(
            f"as a chart bar on the white page it has {format_ratio(bar)}, "
            "and bars need at least 3:1"
        )
    if problems:
        raise ValidationError(
            "This colour is too light: " + "; ".join(problems) + ". Choose a darker colour.",
            code="low_contrast",
        )
