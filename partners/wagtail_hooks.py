"""Registers the partners app with Wagtail, and does nothing else."""

from wagtail import hooks

from partners.privacy import personal_data_sources
from privacy.registry import REGISTER_PERSONAL_DATA_SOURCES

hooks.register(REGISTER_PERSONAL_DATA_SOURCES, personal_data_sources)
