""" "Send me my link again": a person who lost their private link asks for it
with their reference and the email address or mobile number they gave.

The link goes to that contact only, as their contact wishes allow, and the
page says the same whether or not anything matched, so it never tells anyone
whether a reference exists or whose it is.
"""
