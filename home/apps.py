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

        # The default Site follows SITE_URL after every migrate; check --deploy
        # warns while it names this machine (home/site_address.py).
        from django.db.models.signals import post_migrate

        from home.site_address import set_site_after_migrate

        post_migrate.connect(set_site_after_migrate, dispatch_uid="home_site_address")

        # Share cards are drawn once, after a page is published (home/share_cards.py).
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published

        from home.models import ShareCard
        from home.share_cards import delete_card_image, queue_share_card

        page_published.connect(queue_share_card, dispatch_uid="home_share_card")
        post_delete.connect(delete_card_image, sender=ShareCard, dispatch_uid="home_card_image")
