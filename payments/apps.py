from django.apps import AppConfig
from django.db.models.signals import post_delete


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = "Payments and what participants say"

    def ready(self):
        from payments.models.feedback import Feedback
        from payments.models.payment import Payment
        from privacy.subject_requests import forget_log_entries

        # Payments and answers go with their person's record (a cascade, which
        # the purge and erasure of that record do not see): their history
        # entries (who recorded a payment paid, on what date, how) go too.
        for model in (Payment, Feedback):
            post_delete.connect(
                forget_log_entries,
                sender=model,
                dispatch_uid=f"payments-{model._meta.model_name}-log",
            )
