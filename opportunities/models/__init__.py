"""The app's models, one module each, gathered here where Django looks for them."""

from opportunities.choices import Benefit, ExpensesPaid, Format, PaymentMethod
from opportunities.models.alert_messages import AlertMessages
from opportunities.models.alerts import AlertRunLock, AlertSent, SearchAlert
from opportunities.models.benefits import BenefitRule
from opportunities.models.closing_reminder_messages import ClosingReminderMessages
from opportunities.models.closing_reminders import ClosingReminder
from opportunities.models.index import OpportunityIndexPage
from opportunities.models.interest import ExpressionOfInterest
from opportunities.models.interest_messages import InterestMessages
from opportunities.models.opportunity import OpportunityPage
from opportunities.models.session_reminders import SessionReminderSent
from opportunities.models.sessions import OpportunitySession

__all__ = [
    "AlertMessages",
    "AlertRunLock",
    "AlertSent",
    "Benefit",
    "BenefitRule",
    "ClosingReminder",
    "ClosingReminderMessages",
    "ExpensesPaid",
    "ExpressionOfInterest",
    "Format",
    "InterestMessages",
    "OpportunityIndexPage",
    "OpportunityPage",
    "OpportunitySession",
    "PaymentMethod",
    "SearchAlert",
    "SessionReminderSent",
]
