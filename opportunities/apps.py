from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = "Opportunities"

    def ready(self):
        # Imported here: models can only be imported once Django has loaded every app.
        from opportunities.alerts.matching import queue_matching
        from opportunities.interest.services import outcome_published
        from opportunities.models.benefits import BenefitRule, forget_cached_rules
        from opportunities.models.interest import ExpressionOfInterest, selection_changed
        from opportunities.models.opportunity import OpportunityPage
        from opportunities.models.tree_copies import live_changed, parent_changed

        # A signal, not an admin hook, so scheduled publishing sends notices too.
        page_published.connect(
            outcome_published, sender=OpportunityPage, dispatch_uid="opportunities-outcome-notices"
        )
        for signal in (post_save, post_delete):
            signal.connect(
                forget_cached_rules, sender=BenefitRule, dispatch_uid="opportunities-benefit-rules"
            )
        # Signals, so every way a selection changes or a record goes (the admin,
        # bulk changes, the person's withdrawal, erasure, purges) keeps "full" right.
        # A queryset update() sends none: code that changes statuses that way must
        # call OpportunityPage.store_full itself.
        for signal in (post_save, post_delete):
            signal.connect(
                selection_changed,
                sender=ExpressionOfInterest,
                dispatch_uid="opportunities-full",
            )
        # Wagtail saves a plain Page when it unpublishes on schedule or in bulk, so
        # the opportunity's own save() never sees it: copy "live" again here.
        page_unpublished.connect(
            live_changed, sender=OpportunityPage, dispatch_uid="opportunities-live-copy"
        )
        # Moving saves a plain Page too: copy the new parent here.
        post_page_move.connect(
            parent_changed, sender=OpportunityPage, dispatch_uid="opportunities-parent-copy"
        )
        page_published.connect(
            queue_matching, sender=OpportunityPage, dispatch_uid="opportunities-search-alerts"
        )
