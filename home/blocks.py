"""The site's one shared StreamBlock and the blocks it is built from.

Every block sets an icon, a template, a preview and a plain-English
description so editors see what each block is for in the block picker.
"""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

BLOCK_TEMPLATES = "components/streamfield/blocks"


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website, with its words."""

    label = blocks.CharBlock(
        max_length=80, help_text="The words people click, for example 'Find paid opportunities'."
    )
    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    url = blocks.URLBlock(required=False, label="Web address", help_text="…or another website.")

    class Meta:
        icon = "link"
        template = f"{BLOCK_TEMPLATES}/link_block.html"
        label = "Link"
        preview_value = {"label": "Find paid opportunities", "url": "https://example.org/"}
        description = "A link to a page on this site or to another website."

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose a page or type a web address (one of the two)."
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="Keep headings short and plain.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use 'Sub-heading' only under a section heading.",
    )

    class Meta:
        icon = "title"
        template = f"{BLOCK_TEMPLATES}/heading_block.html"
        preview_value = {"text": "How we pay people", "level": "h2"}
        description = "A heading that starts a new section of the page."


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul", "h3", "document-link"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = f"{BLOCK_TEMPLATES}/rich_text_block.html"
        preview_value = (
            "<p>We pay people for their time and cover their costs, so nobody is out of pocket.</p>"
        )
        description = "Paragraphs of text, with bold, links and lists."


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=(
            "Describe what the picture shows for people who cannot see it, "
            "for example 'Four people laughing around a table at a workshop'. "
            "Do not use the file name."
        ),
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        alt_text = (value.get("alt_text") or "").strip()
        image = value.get("image")
        file_name = image.file.name.rsplit("/", 1)[-1] if image and image.file else ""
        stem = file_name.rsplit(".", 1)[0]
        if re.search(r"\.(avif|gif|jpe?g|png|svg|webp)$", alt_text, re.IGNORECASE) or (
            stem and alt_text.lower() in {file_name.lower(), stem.lower()}
        ):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [
                            ValidationError(
                                "This looks like the file's name. Describe what the picture "
                                "shows instead."
                            )
                        ]
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        template = f"{BLOCK_TEMPLATES}/image_block.html"
        preview_value = {"alt_text": "People around a table at a workshop", "caption": ""}
        description = "A picture with a description for people who cannot see it."


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The words, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Who said it, as they want to be named (a first name or a role is fine).",
    )

    class Meta:
        icon = "openquote"
        template = f"{BLOCK_TEMPLATES}/quote_block.html"
        preview_value = {
            "quote": "For the first time I was paid on the day, and nobody made me feel small.",
            "attribution": "Community researcher",
        }
        description = "Someone's words, shown as a quotation."


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, help_text="One or two short sentences.")
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = f"{BLOCK_TEMPLATES}/call_to_action_block.html"
        preview_value = {
            "heading": "Want to get involved?",
            "text": "See the paid opportunities open now.",
            "link": {"label": "See opportunities", "url": "https://example.org/"},
        }
        description = "A box that asks people to do one thing, with a button."


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = RichTextBlock()

    class Meta:
        icon = "help"
        label = "Question and answer"


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(QuestionAnswerBlock(), min_num=1, label="Questions")

    class Meta:
        icon = "list-ul"
        template = f"{BLOCK_TEMPLATES}/accordion_block.html"
        preview_value = {
            "heading": "Questions people ask",
            "items": [
                {
                    "question": "Will being paid affect my benefits?",
                    "answer": "<p>It may. Talk to a benefits adviser before you start.</p>",
                }
            ],
        }
        description = "Questions and answers that open and close (frequently asked questions)."


class ContentStreamBlock(blocks.StreamBlock):
    """The one body block used by every page type."""

    heading = HeadingBlock()
    rich_text = RichTextBlock(label="Text")
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock(label="Questions and answers")

    class Meta:
        template = f"{BLOCK_TEMPLATES}/content_stream_block.html"


class NavigationLinksBlock(blocks.StreamBlock):
    link = LinkBlock()
