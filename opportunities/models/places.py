"""Whether an opportunity's places are all taken: read on its page, and stored
so the board can list the ones people can still join first."""

from django.db import models
from django.db.models import Case, Subquery, When
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property

from opportunities.models.interest import places_reached, selections


class Places(models.Model):
    """``full``: "places filled" ticked, or selected people took every place.

    Worked out on every save (``work_out_full``) and whenever someone's selection
    changes (``store_full``, from the ``ExpressionOfInterest`` signals), so the
    board can list the ones people can still join first by walking an index
    instead of counting selections for every open opportunity. Publishing an
    older revision works it out again, so a revision's copy never counts.
    """

    full = models.BooleanField(default=False, editable=False)

    class Meta:
        abstract = True

    def work_out_full(self):
        """Set ``full`` by the rule ``is_full`` reads (a query only with a set
        number of places)."""
        self.full = self.places_filled or places_reached(self)

    @classmethod
    def store_full(cls, opportunity_id):
        """Work ``full`` out again in the database, in one statement, after a
        selection for the opportunity changed."""
        cls.objects.filter(pk=opportunity_id).update(
            full=Case(
                When(places_filled=True, then=True),
                When(places__gte=1, places__lte=Coalesce(Subquery(selections()), 0), then=True),
                default=False,
            )
        )

    @cached_property
    def is_full(self):
        """Editors ticked 'places filled', or selected people took every place."""
        return self.places_filled or places_reached(self)
