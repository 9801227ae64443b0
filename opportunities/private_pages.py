"""The private pages of the opportunities' own flows: expressing interest,
alerts, closing reminders and "send me my link again"."""

from home.models import SiteSettings
from home.private_pages import render_private


def render_flow_page(request, page, template, context=None, *, status=200, has_form=False):
    """``pages/opportunities/<template>`` as one of ``page``'s private routes
    (``page`` is None for a flow that belongs to no page); its templates read
    the site's contact details as ``org``."""
    site_settings = SiteSettings.load(request_or_site=request)
    return render_private(
        request,
        page,
        f"pages/opportunities/{template}",
        {"org": site_settings, **(context or {})},
        status=status,
        has_form=has_form,
    )
