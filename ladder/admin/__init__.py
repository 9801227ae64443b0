"""The ladder in the Wagtail admin: viewsets, their views, dashboard panels,
menu items, log actions and who may see what. ``ladder.wagtail_hooks``
registers them."""
