"""Signing in through the real pages: Wagtail's password page, then ours."""

from django.urls import reverse

from tests.conftest import make_user

PASSWORD = "password"  # make_user's
HOME = "203.0.113.7"
ELSEWHERE = "198.51.100.2"


def person(django_user_model, username="dpo", groups=("Personal data",), **extra):
    return make_user(django_user_model, username, list(groups), **extra)


def enter_password(client, username, password=PASSWORD, address=HOME, **extra):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, **extra},
        REMOTE_ADDR=address,
    )


def enter_code(client, code, address=HOME, next_url=""):
    return client.post(
        reverse("signin_verify"), {"code": code, "next": next_url}, REMOTE_ADDR=address
    )


def dashboard(client, address=HOME):
    return client.get(reverse("wagtailadmin_home"), REMOTE_ADDR=address)


def text(response):
    return response.content.decode()
