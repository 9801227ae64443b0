"""Development: texts are printed to the console instead of being sent."""

import sys
import uuid


class ConsoleTextBackend:
    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send(self, text):
        provider_id = f"console-{uuid.uuid4()}"
        self.stream.write(
            f"Text message {text.reference} to {text.to}\n{'-' * 40}\n{text.body}\n{'-' * 40}\n"
        )
        self.stream.flush()
        return provider_id
