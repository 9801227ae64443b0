"""Reading the page cache's answer from a response."""

HIT = "hit"
MISS = "miss"


def cache_status(response):
    """ "hit", "miss", or None when the cache did not serve or keep the page."""
    return response.get("X-Page-Cache")
