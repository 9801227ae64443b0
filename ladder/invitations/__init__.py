"""Invitations: the lead contact's page, publication requests and decisions, and
the emails to lead contacts.

An invitation's shared link starts a journey, so that route lives with the
journey (``ladder.journey``), which uses this package; nothing here imports
the journey.
"""
