"""How long a text is: GSM-7 (160 in one part, 306 in two) or UCS-2 (70, 134)."""

import pytest

from privacy.texts.length import GSM7, UCS2, most_characters, text_length


@pytest.mark.parametrize(("characters", "parts"), [(1, 1), (160, 1), (161, 2), (306, 2), (307, 3)])
def test_plain_english_is_gsm7_160_in_one_part_306_in_two(characters, parts):
    length = text_length("a" * characters)
    assert (length.encoding, length.characters, length.parts) == (GSM7, characters, parts)


@pytest.mark.parametrize(("characters", "parts"), [(70, 1), (71, 2), (134, 2), (135, 3)])
@pytest.mark.parametrize("foreign", ["ŵ", "ŷ", "ع", "ے"])
def test_one_welsh_arabic_or_urdu_letter_makes_it_ucs2_70_in_one_part_134_in_two(
    foreign, characters, parts
):
    length = text_length(foreign + "a" * (characters - 1))
    assert (length.encoding, length.characters, length.parts) == (UCS2, characters, parts)


def test_an_emoji_is_ucs2_and_takes_two_places():
    length = text_length("See you there 🙂")
    assert length.encoding == UCS2
    assert length.characters == len("See you there ") + 2


def test_accents_in_the_gsm_alphabet_stay_gsm7_and_its_extension_takes_two_places():
    assert text_length("Café à Zürich £5 @ 10").encoding == GSM7
    assert text_length("€").characters == 2
    assert text_length("a" * 159 + "[").parts == 2


def test_the_longest_texts_of_each_kind():
    assert most_characters(GSM7, 1) == 160
    assert most_characters(GSM7) == 306
    assert most_characters(UCS2, 1) == 70
    assert most_characters(UCS2) == 134
    assert text_length("a" * 306).fits
    assert not text_length("a" * 307).fits
    assert not text_length("ŵ" * 135).fits
