"""No private link's token in Django's request warnings (gunicorn's access log
is tested by starting gunicorn: tests/deploy/test_gunicorn.py)."""

import logging

import pytest

from home.log_redaction import REDACTED, redact
from home.private_links import new_token
from ladder.models.invitations import LEAD, derive_token


def test_tokens_are_redacted_and_slugs_kept():
    token = new_token()[0]
    derived = derive_token("a-salt", LEAD)
    path = f"/opportunities/rewrite-the-councils-benefit-letters/interest/status/{token}/"
    assert redact(path) == (
        f"/opportunities/rewrite-the-councils-benefit-letters/interest/status/{REDACTED}/"
    )
    assert redact(f"Not Found: /ladder/self-assessment/lead/{derived}/") == (
        f"Not Found: /ladder/self-assessment/lead/{REDACTED}/"
    )
    assert redact("GET /partners/ HTTP/1.1") == "GET /partners/ HTTP/1.1"


@pytest.mark.django_db
def test_not_found_warnings_for_every_kind_of_private_link_hold_no_token(client, caplog):
    caplog.set_level(logging.WARNING, logger="django.request")
    tokens = [new_token()[0] for _ in range(3)]
    paths = [
        f"/opportunities/gone/interest/status/{tokens[0]}/",
        f"/opportunities/gone/interest/status/{tokens[0]}/withdraw/",
        f"/ladder/self-assessment/a/{tokens[1]}/about/",
        f"/ladder/self-assessment/i/{tokens[2]}/",
        f"/ladder/self-assessment/lead/{tokens[2]}/",
    ]
    for path in paths:
        assert client.get(path).status_code == 404
    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == len(paths)
    assert all(message.startswith("Not Found: ") for message in warnings)
    for token in tokens:
        assert token not in caplog.text
    assert f"/ladder/self-assessment/a/{REDACTED}/about/" in caplog.text
