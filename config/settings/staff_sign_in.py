"""Staff sign-in: two factors, lockout, short sessions (the signin app; see
docs/security.md, "Staff sign-in"). Imported by base.py; every value can be
changed by the environment variable it names.

The apps (django_otp and its TOTP and static plugins, axes, signin) and the
middlewares (OTPMiddleware, the signin middlewares, AxesMiddleware) are listed
in base.py's INSTALLED_APPS and MIDDLEWARE.
"""

import os

from .environment import env_int

# Axes first: it refuses a locked-out username and address before any
# password is checked; Django's own backend then checks the password.
# (AxesBackend is Django's ModelBackend with that check in front, so a test
# or tool that signs in with the first backend gets one that can load users.)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Superusers and these groups must set up a second factor before any admin
# page (so must anyone holding privacy.view_personal_data); others may.
SIGNIN_SECOND_FACTOR_GROUPS = ["Personal data", "Moderators", "Ladder managers"]
OTP_TOTP_ISSUER = os.environ.get("WAGTAIL_SITE_NAME", "Co-pro Network")  # as base.py
# django-otp's own brake on one device: after n wrong codes in a row, the next
# is not even checked for 2^(n-1) seconds, from any address.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Lockout (django-axes): 5 failures (wrong passwords and wrong codes alike)
# for one username from one address pause that pair, so a stranger cannot
# lock the whole team out. The pause ends SIGNIN_LOCKOUT_MINUTES after the
# failure that caused it; tries while paused are refused without counting.
AXES_FAILURE_LIMIT = env_int("SIGNIN_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
SIGNIN_LOCKOUT_MINUTES = env_int("SIGNIN_LOCKOUT_MINUTES", 15)
AXES_COOLOFF_TIME = SIGNIN_LOCKOUT_MINUTES / 60  # hours, as axes reads a float
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# A completed sign-in (both factors) clears its own failures (signin.lockout);
# a right password alone must not, or wrong codes could be retried forever.
AXES_RESET_ON_SUCCESS = False
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "signin.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "signin.lockout.locked_out_response"
# The sign-in log (signin.models.SignInEvent) is the record; axes keeps only
# its counters, and never a code or a form token.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["code", "csrfmiddlewaretoken"]
AXES_VERBOSE = False
# Across all addresses: this many wrong passwords or codes for one account
# within the window emails the superusers (once per window). Nobody is locked.
SIGNIN_ALERT_FAILURES = env_int("SIGNIN_ALERT_FAILURES", 15)
SIGNIN_ALERT_WINDOW_MINUTES = 60
# Password-reset emails asked for: per address and per email address, per hour.
SIGNIN_PASSWORD_RESETS_PER_HOUR = env_int("SIGNIN_PASSWORD_RESETS_PER_HOUR", 5)
# The sign-in log is kept this long, then purged with the other personal data.
SIGNIN_LOG_KEEP_DAYS = env_int("SIGNIN_LOG_KEEP_DAYS", 365)

# Sessions: signed out after this long without a request (Wagtail's
# editing-session pings do not count) and after this long in all. The cookie
# itself never outlives the absolute limit, "Remember me" or not.
SIGNIN_IDLE_MINUTES = env_int("SIGNIN_IDLE_MINUTES", 30)
SIGNIN_ABSOLUTE_HOURS = env_int("SIGNIN_ABSOLUTE_HOURS", 12)
SESSION_COOKIE_AGE = SIGNIN_ABSOLUTE_HOURS * 60 * 60
