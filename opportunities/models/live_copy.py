"""Which opportunities anyone may see, and which are open: defined once here, and
read from the opportunity's own row, so counting the open ones does not look up
every one's page in the page tree."""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


class OpportunityQuerySet(PageQuerySet):
    def published(self):
        """Live, read from ``live_copy``: no page row is looked up."""
        return self.filter(live_copy=True)

    def shown(self):
        """Published and not in a private section: what the public pages list.
        ``public()`` reads the page view restrictions when called."""
        return self.published().public()

    def open(self, now=None):
        """Still taking interest: closing after ``now``."""
        return self.filter(closes_at__gt=now or timezone.now())


OpportunityManager = PageManager.from_queryset(OpportunityQuerySet)


class LiveCopy(models.Model):
    """``live_copy``: ``Page.live`` again, on the opportunity's own row.

    Counting the open opportunities (the home page, the board, the directory's
    "N open") then reads one index (closing time, live ones only) instead of
    fetching each open one's page row: that lookup grew the home page half as
    much again from 10,000 to 100,000 opportunities.

    What keeps it right, for every way Wagtail changes ``live``:

    - ``save()`` of the opportunity copies ``live`` (``copy_live``): creating,
      publishing (Wagtail saves the specific page, an older revision's too),
      unpublishing in the admin (the page and, with "include descendants", each
      one under it), copying (the copy is saved through its own model), aliases
      following their original (saved through their own model);
    - the ``page_unpublished`` signal (``store_live``, opportunities/apps.py):
      Wagtail sends it for every unpublish, with the specific class, also when it
      saves a plain ``Page`` — scheduled expiry (``publish_scheduled``) and bulk
      unpublish in the admin do that, and ``save()`` above never runs;
    - moving and deleting leave ``live`` as it is (or take the row away); Wagtail
      changes ``live`` through no queryset ``update()``. Code of ours that did so
      would have to call ``store_live`` itself.

    Tested through each of those entry points in tests/opportunities/test_live_copy.py.
    """

    live_copy = models.BooleanField(default=False, editable=False)

    class Meta:
        abstract = True

    def copy_live(self):
        self.live_copy = self.live

    @classmethod
    def store_live(cls, page_id):
        """Copy ``live`` from the page tree again, in one statement."""
        cls.objects.filter(pk=page_id).update(
            live_copy=Subquery(Page.objects.filter(pk=OuterRef("pk")).values("live")[:1])
        )


def live_changed(sender, instance, **kwargs):
    """``page_unpublished`` receiver (sent with the specific class, whichever
    object Wagtail saved)."""
    sender.store_live(instance.pk)
