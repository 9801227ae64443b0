"""The self-assessment journey: its routes, steps, forms and views.

Steps: start (or an invitation's shared link) → about you → one step per
theme → check your answers → result. The page model mixes in
``routes.JourneyRoutes``; the views receive the page and never import it.
"""
