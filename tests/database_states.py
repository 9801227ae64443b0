"""Saved states of the test database, copied back between tests that cannot roll back.

Most tests run inside a transaction that is rolled back, so they leave the
database as migrations made it. Live-server and other transactional tests
cannot: pytest-django ends each with Django's flush, which empties every
table, including what migrations made (groups, the moderation workflow,
seeded benefit rules, the home page and the default site). Instead of
serialising the whole database for every such test, the suite saves the
migrated database once per run (per xdist worker) and copies it back after
each transactional test; the demo content is loaded once, saved the same
way, and copied in for the tests that start from it.

PostgreSQL copies whole databases with ``CREATE DATABASE ... TEMPLATE``;
SQLite with sqlite3's online backup.
Only public APIs are used: Django's connection settings and connections, the
drivers' own connection objects.
"""

import queue
import sqlite3
import threading

import psycopg
from django.db import connections
from psycopg import sql

MIGRATED = "migrated"
DEMO = "demo"


def saved_states_for(connection):
    """The saved-states store for ``connection`` (the test database's alias)."""
    if connection.vendor == "postgresql":
        return PostgresStates(connection)
    if connection.vendor == "sqlite":
        return SqliteStates(connection)
    raise NotImplementedError(f"No saved states for {connection.vendor}")


class PostgresStates:
    """Each state is a database named after the test database, used as a template.

    A database cannot be copied while anyone is connected to it, so every
    Django connection is closed first; any connection still open elsewhere
    (another thread, or another async context, whose connection objects this
    thread cannot reach) is ended by the server.

    The database being replaced is renamed aside rather than dropped there and
    then: PostgreSQL 15's ``DROP DATABASE`` forces an immediate checkpoint of
    the whole server (every dirty buffer written and every file synced), which
    cost each transactional test a checkpoint, seconds each on a busy machine.
    A renamed database is dropped by a thread of its own while the tests go
    on, and any still waiting when the run ends are dropped then.
    """

    def __init__(self, connection):
        self.connection = connection
        self.database = connection.settings_dict["NAME"]
        self.saved = set()
        self.set_aside = 0
        self.to_drop = queue.SimpleQueue()
        self.dropper = threading.Thread(target=self._drop_set_aside, daemon=True)
        self.dropper.start()

    def _name(self, state):
        return f"{self.database}_{state}"

    def _server(self):
        """A connection to the server's maintenance database, outside any transaction."""
        settings = self.connection.settings_dict
        params = {
            "host": settings["HOST"],
            "port": settings["PORT"],
            "user": settings["USER"],
            "password": settings["PASSWORD"],
        }
        return psycopg.connect(
            dbname="postgres", autocommit=True, **{k: v for k, v in params.items() if v}
        )

    def _drop(self, server, database):
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
        )

    def _drop_set_aside(self):
        """Drop each database set aside, one at a time, until told to stop (None)."""
        while (database := self.to_drop.get()) is not None:
            with self._server() as server:
                self._drop(server, database)

    def _end_sessions(self, server, database):
        server.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        )

    def _set_aside(self, server, database):
        """Rename ``database`` out of the way (no checkpoint) and queue it to be dropped."""
        exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if exists.fetchone() is None:
            return
        self.set_aside += 1
        aside = f"{database}_old_{self.set_aside}"
        # A renamed database must have no sessions; one that connects between
        # ending them and the rename (a live server's thread) fails the rename,
        # and a drop does as well as a rename then.
        self._end_sessions(server, database)
        try:
            server.execute(
                sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                    sql.Identifier(database), sql.Identifier(aside)
                )
            )
        except psycopg.errors.ObjectInUse:
            self._drop(server, database)
        else:
            self.to_drop.put(aside)

    def _copy(self, source, target):
        connections.close_all()
        with self._server() as server:
            self._set_aside(server, target)
            # Other sessions on the source would make the copy fail: end them.
            self._end_sessions(server, source)
            server.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(target), sql.Identifier(source)
                )
            )

    def save(self, state):
        self._copy(self.database, self._name(state))
        self.saved.add(state)

    def restore(self, state):
        self._copy(self._name(state), self.database)

    def discard_all(self):
        """Drop every saved state, and leave the test database with no sessions.

        pytest-django drops the test database next, with a plain ``DROP
        DATABASE``, which gives other sessions only 5 seconds to leave. A
        connection opened in another async context (Playwright's, in the
        browser tests) is out of this thread's reach and can outlive the run:
        once it made that drop fail and left the test database behind.
        """
        connections.close_all()
        self.to_drop.put(None)
        self.dropper.join()
        with self._server() as server:
            self._end_sessions(server, self.database)
            # Any set aside whose drop failed in the thread (it reported why).
            for number in range(1, self.set_aside + 1):
                self._drop(server, f"{self.database}_old_{number}")
            for state in self.saved:
                self._drop(server, self._name(state))
        self.saved.clear()


class SqliteStates:
    """Each state is a private in-memory copy, made and restored by sqlite3's
    online backup, which copies it in place over the test database."""

    def __init__(self, connection):
        self.connection = connection
        self.copies = {}

    @property
    def saved(self):
        return set(self.copies)

    def _database(self):
        self.connection.ensure_connection()
        return self.connection.connection

    def save(self, state):
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        self._database().backup(copy)
        self.copies[state] = copy

    def restore(self, state):
        self.copies[state].backup(self._database())

    def discard_all(self):
        for copy in self.copies.values():
            copy.close()
        self.copies.clear()
