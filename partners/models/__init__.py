"""Partner organisations: the directory page and one profile page per partner.

``PartnerKind`` lives in ``partners.choices``; it is re-exported here because
callers written before the split import it beside the page classes.
"""

from partners.choices import PartnerKind
from partners.models.index import PartnerIndexPage
from partners.models.partner import PartnerPage

__all__ = ["PartnerIndexPage", "PartnerKind", "PartnerPage"]
