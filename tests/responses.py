"""Reading responses in tests."""


def text(response):
    """The response body as text, as a person's browser would decode it."""
    return response.content.decode()


def policy(headers, header="Content-Security-Policy"):
    """{"script-src": ["'self'"], ...} from a policy header, in any order.

    ``headers`` is a response, or any mapping of header names to values.
    """
    directives = {}
    for part in headers[header].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives
