from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site and shared content"

    def ready(self):
        # No private link's token in Django's request warnings (home/log_redaction.py).
        from home.log_redaction import install_request_log_redaction

        install_request_log_redaction()
