"""The pages that show an opportunity, for the CDN purge (``home.page_cache.cdn``):
its board and the board's feeds, the home page, and its partner's profile."""

from opportunities.models.opportunity import OpportunityPage


def pages_showing(page) -> list[str]:
    if not isinstance(page, OpportunityPage):
        return []
    board = page.get_parent().specific
    board_url = board.get_full_url()
    urls = [board_url]
    if board_url:
        urls += [board_url + board.reverse_subpage(name).lstrip("/") for name in FEEDS]
    site = page.get_site()
    if site is not None:
        urls.append(site.root_page.get_full_url())
    if page.partner_id:
        urls.append(page.partner.get_full_url())
    return urls


FEEDS = ("rss", "atom", "ical")
