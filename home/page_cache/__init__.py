"""The page cache for visitors who are not signed in (Django's cache framework).

- ``keys``: the entry's key (scheme, host, path, normalised query string) and
  the site-wide generation that every key carries;
- ``policy``: which requests may be answered from the cache, which responses
  may be stored;
- ``expiry``: how long an entry may live (no later than the next moment a
  page could change by itself, such as an opportunity closing);
- ``middleware``: serves and stores whole responses;
- ``invalidation``: publishing, unpublishing, moving or deleting a page, or
  changing a snippet, a setting, an image or a document, starts a new
  generation, so every entry stored before it is never read again.
"""
