from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = "Opportunities"

    def ready(self):
        from wagtail.signals import page_published

        from opportunities.interest import outcome_published

        # A signal, not an admin hook, so scheduled publishing sends notices too.
        page_published.connect(outcome_published, dispatch_uid="opportunities-outcome-notices")
