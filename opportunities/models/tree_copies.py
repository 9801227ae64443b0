"""Two facts about an opportunity's place in the page tree, copied onto its own
row: whether it is live, and which page it is under. The board counts and lists
from the opportunity's row alone, without looking up every opportunity's page
row: that lookup grew the home page and the filtered board by half again from
10,000 to 100,000 opportunities.

"Published", "shown" and "open" are defined once here."""

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

    def under(self, page):
        """Directly under ``page`` (the board), read from ``parent_copy``: the
        same opportunities as ``child_of(page)``, without its page-row lookup."""
        return self.filter(parent_copy=page)


OpportunityManager = PageManager.from_queryset(OpportunityQuerySet)


class LiveCopy(models.Model):
    """``live_copy``: ``Page.live`` again, on the opportunity's own row.

    Counting the open opportunities (the home page, the board, the directory's
    "N open") then reads one index (closing time, live ones only) instead of
    fetching each open one's page row.

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

    Tested through each of those entry points in tests/opportunities/test_tree_copies.py.
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


class ParentCopy(models.Model):
    """``parent_copy``: the page the opportunity is under (the board), on its own
    row. The board lists ``under(board)`` instead of ``child_of(board)``, which
    compares every matching opportunity's tree path and depth with the board's:
    the count of a filtered board then reads only the opportunity table.

    What keeps it right:

    - ``save()`` of a new opportunity copies its parent (``copy_parent``):
      creating in the admin, ``add_child`` in code, copying (the copy is a new
      page, saved through its own model, wherever it is copied to), aliases.
      Treebeard hands the new page its parent, so this costs no query;
    - the ``post_page_move`` signal (``parent_changed``, opportunities/apps.py):
      Wagtail sends it for every move, in the admin or ``page.move()`` in code
      (which, unlike the admin, lets an opportunity go under any page), with the
      parent after the move. Moving the board itself changes no opportunity's
      parent;
    - deleting the parent deletes the opportunities under it (the tree's
      descendants), so the copy never points at a deleted page.

    Tested in tests/opportunities/test_tree_copies.py.
    """

    parent_copy = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def copy_parent(self):
        if self._state.adding or self.parent_copy_id is None:
            parent = self.get_parent()
            self.parent_copy_id = parent.pk if parent else None


def live_changed(sender, instance, **kwargs):
    """``page_unpublished`` receiver (sent with the specific class, whichever
    object Wagtail saved)."""
    sender.store_live(instance.pk)


def parent_changed(sender, instance, parent_page_after, **kwargs):
    """``post_page_move`` receiver (sent with the specific class)."""
    sender.objects.filter(pk=instance.pk).update(parent_copy=parent_page_after.pk)
