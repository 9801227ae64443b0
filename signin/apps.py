from django.apps import AppConfig


class SigninConfig(AppConfig):
    name = "signin"
    verbose_name = "Staff sign-in"

    def ready(self):
        # The sign-in log listens to Django's and axes' sign-in signals.
        from signin import audit  # noqa: F401
