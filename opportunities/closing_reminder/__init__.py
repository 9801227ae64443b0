""" "Remind me before it closes": someone not ready to say they are interested
asks for one reminder, by email or text, two days before an opportunity
closes. Asked for from the opportunity's page (``routes.py``), sent by the
``send_closing_reminders`` command, dropped when they express interest.
"""
