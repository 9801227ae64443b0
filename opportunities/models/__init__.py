from opportunities.models.benefits import Benefit, BenefitRule
from opportunities.models.interest import ExpressionOfInterest, InterestMessages  # noqa: F401
from opportunities.models.pages import (
    ExpensesPaid,
    Format,
    OpportunityIndexPage,
    OpportunityPage,
    PaymentMethod,
)

__all__ = [
    "Benefit",
    "BenefitRule",
    "ExpensesPaid",
    "Format",
    "OpportunityIndexPage",
    "OpportunityPage",
    "PaymentMethod",
]
