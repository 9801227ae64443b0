from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site and shared content"

    def ready(self):
        # No private link's token in Django's request warnings (home/log_redaction.py).
        from home.log_redaction import install_request_log_redaction

        install_request_log_redaction()

        # Publishing, moving or deleting anything public empties the page cache.
        from home.page_cache.cdn import connect_cdn_purge
        from home.page_cache.invalidation import connect_invalidation

        connect_invalidation()
        connect_cdn_purge()
