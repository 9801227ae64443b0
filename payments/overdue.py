"""Payments past their promised date and still unpaid, oldest first."""

from django.utils import timezone

from payments.choices import PaymentState
from payments.models.payment import Payment


def overdue_payments(opportunity=None, today=None):
    """Every overdue payment as (payment, due date), the longest overdue first."""
    today = today or timezone.localdate()
    payments = Payment.objects.for_rules().filter(state=PaymentState.DUE)
    if opportunity is not None:
        payments = payments.filter(interest__opportunity=opportunity)
    late = [(payment, payment.due_date) for payment in payments if payment.is_overdue(today)]
    return sorted(late, key=lambda pair: (pair[1], pair[0].reference))
