from django.apps import AppConfig
from wagtail.signals import page_published


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = "Opportunities"

    def ready(self):
        # Imported here: models can only be imported once Django has loaded every app.
        from opportunities.alerts.matching import queue_matching
        from opportunities.interest.services import outcome_published
        from opportunities.models.opportunity import OpportunityPage

        # A signal, not an admin hook, so scheduled publishing sends notices too.
        page_published.connect(
            outcome_published, sender=OpportunityPage, dispatch_uid="opportunities-outcome-notices"
        )
        page_published.connect(
            queue_matching, sender=OpportunityPage, dispatch_uid="opportunities-search-alerts"
        )
