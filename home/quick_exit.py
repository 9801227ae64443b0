"""Quick exit: the "Leave this site" button on every public page, and the
"Cover your tracks" page the forms link to.

The button follows the GOV.UK Design System's "Exit this page" pattern: a
visible link to a neutral site that works without JavaScript, and with
``static/js/quick-exit.js`` a keyboard shortcut (Shift three times) that
also blanks the page at once and replaces it in the browser's history, so
Back does not return here.
"""

from django.conf import settings
from django.shortcuts import render

# A neutral, everyday site (the GOV.UK pattern's own default). A deployment
# can choose another with the QUICK_EXIT_URL setting.
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


def quick_exit_url():
    return getattr(settings, "QUICK_EXIT_URL", "") or DEFAULT_QUICK_EXIT_URL


def cover_your_tracks(request):
    """How to clear history and browse privately, in plain words."""
    return render(request, "pages/cover_your_tracks.html", {})
