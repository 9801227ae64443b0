"""Which phone numbers get texts: valid UK mobile numbers, however they were typed."""

import phonenumbers

UK = "GB"


def uk_mobile(number: str | None) -> str:
    """``number`` as ``+447...`` when it is a valid UK mobile number, else "".

    "07400 123456", "+44 7400 123456" and "0044 (0)7400-123456" are the same
    number. Landlines, short codes and numbers abroad get no texts: a text to
    a landline is read out by a robot voice to whoever answers.
    """
    if not number or not number.strip():
        return ""
    try:
        parsed = phonenumbers.parse(number, UK)
    except phonenumbers.NumberParseException:
        return ""
    # +44 also covers Jersey, Guernsey and the Isle of Man: UK networks text them alike.
    if parsed.country_code != phonenumbers.country_code_for_region(UK):
        return ""
    if not phonenumbers.is_valid_number(parsed):
        return ""
    if phonenumbers.number_type(parsed) != phonenumbers.PhoneNumberType.MOBILE:
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
