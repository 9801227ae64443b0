"""The partner directory's filters, search and query, kept out of the view.

Every filter is a :class:`DirectoryFilter`: a query-string name, a label, the
choices a person can pick from, and a function that narrows a queryset of
``PartnerPage`` to the partners matching one chosen value. The directory
reads each value from the query string and applies it only when it is one of
the filter's choices, so a hand-edited or stale URL (``?sector=999999``,
``?area=%00``) is ignored rather than turned into an error.

Other apps add filters without ``partners`` importing them
---------------------------------------------------------

``partners`` must never import ``ladder`` or ``opportunities``. An app that
wants its own filter on the directory (the ladder's "rung" filter, say)
registers a Wagtail hook in its ``wagtail_hooks.py``::

    from wagtail import hooks
    from partners.directory import DirectoryFilter

    @hooks.register("partner_directory_filters")
    def rung_filter():
        return DirectoryFilter(
            name="rung",
            label="Ladder rung",
            choices=lambda: [(str(r.level), r.name) for r in Rung.objects.all()],
            narrow=lambda partners, value: partners.filter(pk__in=...),
        )

The hook takes no arguments and returns one ``DirectoryFilter`` (or a list
of them, or ``None`` to add nothing). ``choices`` is called once per request
and should run at most one query; ``narrow`` must return a filtered queryset
(no extra queries of its own) and must not repeat a partner: narrow through
a many-to-many relation with ``pk__in=`` a subquery rather than a join that
can match twice. Filters appear in the form after the built-in
ones (kind, sector, area), in hook registration order.

To give each card extra data without a query per card (the ladder's rung, an
open-opportunities count), register ``partner_directory_queryset``: a
function that takes the card queryset and returns it with annotations or
``prefetch_related`` added. Each card then renders the ``partner_card`` slot
with the partner in the template context as ``partner``.
"""

from partners.directory.filters import DirectoryFilter
from partners.directory.listing import PARTNERS_PER_PAGE, PartnerDirectory

__all__ = ["PARTNERS_PER_PAGE", "DirectoryFilter", "PartnerDirectory"]
