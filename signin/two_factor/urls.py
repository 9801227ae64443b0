"""The second-factor screens, mounted in the admin by ``wagtail_hooks``."""

from django.urls import path

from signin.two_factor import set_up, sign_in


def two_factor_urls():
    return [
        path("two-step/code/", sign_in.verify, name="signin_verify"),
        path("two-step/set-up/", set_up.enrol, name="signin_enrol"),
        path("two-step/set-up/qr-code.svg", set_up.qr_code, name="signin_enrol_qr"),
        path("two-step/", set_up.overview, name="signin_two_step"),
        path(
            "two-step/recovery-codes/",
            set_up.renew_recovery_codes,
            name="signin_renew_recovery_codes",
        ),
        path("two-step/turn-off/", set_up.turn_off, name="signin_turn_off"),
    ]
