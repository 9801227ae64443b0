"""Structured data (JSON-LD) that search engines read from a page.

Each page builds its data as a plain dict; ``json_ld`` writes it for the
inside of ``<script type="application/ld+json">``. Titles, summaries and
names are typed by editors and partners, so text such as ``</script>`` must
not end the element early: ``<``, ``>`` and ``&`` are written as JSON escapes
(``\\u003C``...), which leave the data the same to any JSON reader.
"""

import json
from collections.abc import Mapping
from typing import Any

from django.utils.safestring import SafeString, mark_safe

_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: Mapping[str, Any]) -> SafeString:
    """``data`` as JSON, safe to place inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False)
    # Safe: every character that could close the element or start markup is escaped.
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308
