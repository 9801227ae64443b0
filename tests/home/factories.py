"""Page factories (wagtail-factories) shared by every app's tests."""

import factory
import wagtail_factories


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent=`` with a saved revision, as the editor leaves it:
    published if it is live (the default), a draft with ``live=False``."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def revision(page, create, extracted, **kwargs):
        if not create:
            return
        revision = page.save_revision()
        if page.live:
            revision.publish()
