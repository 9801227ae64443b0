"""Alerts on a saved search, without an account: "tell me about new
opportunities like these".

Asked for from any filtered board (``forms.py``, ``views.py``, a route on the
board), confirmed by a link sent to that contact (double opt-in), matched in
a task when an opportunity is published (``matching.py``) or gathered into a
weekly digest by a cron command, each message one-click unsubscribable
(``messages.py``), changed or stopped from a private page.
"""
