"""Payment records, what participants say afterwards, and partners' responses."""

from payments.models.feedback import Feedback, PartnerResponse
from payments.models.figures import KeptPartnerFigures
from payments.models.messages import FeedbackMessages
from payments.models.payment import Payment

__all__ = ["Feedback", "FeedbackMessages", "KeptPartnerFigures", "PartnerResponse", "Payment"]
