"""Tests: texts are kept in ``outbox``, like Django's ``mail.outbox``.

The tests' shared fixtures empty it before each test.
"""

import uuid

outbox = []


class MemoryTextBackend:
    def send(self, text):
        outbox.append(text)
        return f"memory-{uuid.uuid4()}"
