"""Start a new cache generation whenever something a public page shows changes.

Pages: any save (publishing, unpublishing, the quick actions), move or
delete. Settings, sites, images and documents: any save or delete. Other
records: the models apps name through the ``page_cache_models`` hook
(taxonomies, rungs, published rungs, the questionnaire, benefit rules).
Records no public page shows (expressions of interest, assessments,
sign-in logs) never empty the cache.

The new generation starts after the transaction commits, so no visitor can
render the old content into the new generation in between.
"""

from functools import cache as memoise

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail import hooks
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.page_cache.keys import start_new_generation

PUBLIC_MODELS_HOOK = "page_cache_models"


@memoise
def models_shown_publicly() -> tuple[type, ...]:
    named = [model for source in hooks.get_hooks(PUBLIC_MODELS_HOOK) for model in source()]
    return (
        Page,
        BaseGenericSetting,
        BaseSiteSetting,
        Site,
        get_image_model(),
        get_document_model(),
        *named,
    )


def pages_are_out_of_date(**kwargs) -> None:
    transaction.on_commit(start_new_generation)


def record_changed(sender, **kwargs) -> None:
    if isinstance(sender, type) and issubclass(sender, models_shown_publicly()):
        pages_are_out_of_date()


def connect_invalidation() -> None:
    uid = "home.page_cache"
    post_save.connect(record_changed, dispatch_uid=f"{uid}.save")
    post_delete.connect(record_changed, dispatch_uid=f"{uid}.delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(pages_are_out_of_date, dispatch_uid=f"{uid}.{id(signal)}")
