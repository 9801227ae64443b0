"""Only valid UK mobile numbers get texts, in one form however they were typed."""

import pytest

from privacy.texts.numbers import uk_mobile


@pytest.mark.parametrize(
    "typed",
    ["07400 123456", "+44 7400 123456", "0044 7400 123456", "+44 (0)7400-123456", "447400123456"],
)
def test_a_uk_mobile_however_typed_is_one_number(typed):
    assert uk_mobile(typed) == "+447400123456"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "call me",
        "020 7946 0123",  # a London landline
        "0161 496 0123",  # a Manchester landline
        "0800 123 4567",  # freephone
        "07400 1234",  # too short
        "+33 6 12 34 56 78",  # a French mobile
        "+1 415 555 0123",  # abroad
    ],
)
def test_landlines_numbers_abroad_and_nonsense_get_no_texts(typed):
    assert uk_mobile(typed) == ""
