"""Reading responses in tests."""


def text(response):
    """The response body as text, as a person's browser would decode it."""
    return response.content.decode()
