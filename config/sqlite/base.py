"""Django's SQLite backend, with ``PRAGMA optimize`` as each connection closes.

Without statistics SQLite guesses that the search index's content-type column
picks out a few rows, and runs a full-text match once per index entry: a
search over 10,000 opportunities took 360 ms instead of 9 ms. ``PRAGMA
optimize``, as SQLite advises running before a connection closes, analyses
the tables the connection used that have no statistics yet or have grown a
lot since, so plans follow the data as a site grows; ``analysis_limit``
keeps that to a few milliseconds even on large tables, and otherwise it
does nothing.
"""

from django.db import DatabaseError
from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def close(self):
        if self.connection is not None and not self.in_atomic_block:
            try:
                with self.connection:
                    self.connection.execute("PRAGMA analysis_limit=1000")
                    self.connection.execute("PRAGMA optimize")
            except (DatabaseError, base.Database.Error):
                # Statistics are an optimisation: never fail a request over them.
                pass
        super().close()
