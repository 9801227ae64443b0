"""The admin's screens for what ``home`` owns: viewsets and permission
policies. ``home/wagtail_hooks.py`` registers them."""
