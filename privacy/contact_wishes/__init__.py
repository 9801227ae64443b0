"""Contact wishes: how a person may be reached, and whether it is safe.

Some people who use the site live with someone who must not know what they
are doing. So every form that collects contact details asks, for each way of
reaching them (email, text, phone call, a support worker), one question in
plain words: may we use it, and is it safe if someone else sees or hears it?

- ``channels``: the ways of reaching people and the answers to the question;
- ``models.ContactWishes``: the abstract model every record holding contact
  details inherits (the details and, per channel, "may use" and "safe");
- ``forms.ContactWishesForm``: the grouped question, for every form;
- ``messages``: every message to a person goes through ``send_personal_email``,
  which sends a neutral message (no opportunity, topic, partner or status)
  when the channel is not safe;
- ``second_factor``: a private link whose messages may be read by someone
  else asks for the person's reference (and the last three digits of their
  phone) before it shows anything.
"""
