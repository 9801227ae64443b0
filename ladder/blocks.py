"""The blocks ladder managers build the self-assessment questionnaire from.

A questionnaire is a stream of themes; each theme holds questions, and each
question holds answer options, each matched to the rung it is evidence of.
The blocks' ids (StreamField and ListBlock items both keep one) are what a
respondent's answers point to, so renaming a question or reordering options
never mixes up answers already given. These blocks are data, not page
content: the journey renders them from a published version's snapshot, so
they have no templates of their own.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

ADVICE_FEATURES = ["bold", "italic", "link", "ul", "ol"]
MIN_OPTIONS = 2


def refuse_unpublished_rungs(value, names):
    """A questionnaire may only point to published rungs: a rung still in draft
    is not on the public ladder, so no result may land on it."""
    errors = {
        name: ValidationError(
            f"Rung {value[name].level}, {value[name].name}, is not published yet. Choose a "
            "published rung, or publish this one under Ladder → Rungs first."
        )
        for name in names
        if value.get(name) is not None and not value[name].live
    }
    if errors:
        raise StructBlockValidationError(block_errors=errors)
    return value


class OptionBlock(blocks.StructBlock):
    """One answer a respondent can choose, and the rung it is evidence of."""

    label = blocks.CharBlock(
        max_length=250,
        help_text="The answer as people will read it, for example 'We ask people once a plan is made'.",
    )
    rung = SnippetChooserBlock(
        "ladder.Rung",
        help_text="The rung this answer shows. Every answer must be matched to a rung.",
    )

    class Meta:
        icon = "radio-full"
        label = "Answer"
        description = "An answer people can choose, matched to a rung of the ladder."

    def clean(self, value):
        return refuse_unpublished_rungs(super().clean(value), ["rung"])


class QuestionBlock(blocks.StructBlock):
    """A question with its answers; optionally a 'not applicable' answer too."""

    text = blocks.CharBlock(max_length=250, help_text="The question, in plain words.")
    help_text = blocks.TextBlock(
        required=False,
        label="Hint",
        help_text="Optional. A sentence under the question that helps people answer it.",
    )
    options = blocks.ListBlock(
        OptionBlock(),
        label="Answers",
        help_text="At least two answers, each matched to a rung. Put them in the order to show.",
    )
    allow_not_applicable = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Offer 'Not applicable or don't know'",
        help_text="Tick to let people skip this question. Those answers are left out of the score.",
    )

    class Meta:
        icon = "help"
        label = "Question"
        description = "A question with answers matched to rungs."

    def clean(self, value):
        value = super().clean(value)
        options = list(value.get("options") or [])
        if len(options) < MIN_OPTIONS:
            raise StructBlockValidationError(
                block_errors={
                    "options": ListBlockValidationError(
                        non_block_errors=[
                            ValidationError(
                                "Add at least two answers, each matched to a rung, "
                                "so people have a real choice."
                            )
                        ]
                    )
                }
            )
        return value


class RungAdviceBlock(blocks.StructBlock):
    """Advice for climbing from one rung, written for one theme."""

    rung = SnippetChooserBlock(
        "ladder.Rung", help_text="The rung this advice is for: people whose theme lands here."
    )
    advice = blocks.RichTextBlock(
        features=ADVICE_FEATURES,
        help_text="How to climb from this rung in this theme. Shown instead of the rung's general advice.",
    )

    class Meta:
        icon = "pick"
        label = "Advice for a rung"
        description = "Advice for this theme that replaces a rung's general advice."

    def clean(self, value):
        return refuse_unpublished_rungs(super().clean(value), ["rung"])


class RequirementBlock(blocks.StructBlock):
    """A rung requirement: to be above one rung overall, this theme must reach another."""

    above = SnippetChooserBlock(
        "ladder.Rung",
        label="To be above rung",
        help_text=(
            "The overall result can go above this rung only when this theme meets the "
            "requirement. For example rung 2."
        ),
    )
    at_least = SnippetChooserBlock(
        "ladder.Rung",
        label="This theme must be at least",
        help_text="The rung this theme must reach first. For example rung 3.",
    )
    plain_words = blocks.CharBlock(
        max_length=200,
        label="In plain words",
        help_text=(
            "Finishes the sentence 'To be above rung 2, …', for example 'people must be paid "
            "for their time'. Shown on results, the ladder page and the start page."
        ),
    )

    class Meta:
        icon = "lock"
        label = "Rung requirement"
        description = "A theme that must reach a rung before the overall result can go higher."

    def clean(self, value):
        return refuse_unpublished_rungs(super().clean(value), ["above", "at_least"])


class ThemeBlock(blocks.StructBlock):
    """One step of the journey: a theme and its questions."""

    name = blocks.CharBlock(max_length=120, help_text="A short name, for example 'Decisions'.")
    introduction = blocks.TextBlock(
        required=False,
        help_text="Optional. One or two sentences that say what this theme is about.",
    )
    questions = blocks.ListBlock(
        QuestionBlock(), min_num=1, label="Questions", help_text="Each theme needs a question."
    )
    advice = blocks.ListBlock(
        RungAdviceBlock(),
        required=False,
        default=[],
        label="Advice for this theme",
        help_text="Optional. Advice per rung for this theme; rungs without it use their own advice.",
    )
    requirements = blocks.ListBlock(
        RequirementBlock(),
        required=False,
        default=[],
        label="Rung requirements",
        help_text=(
            "Optional. Hold the overall result down until this theme reaches a rung. Results "
            "already given never change: a requirement counts from the next version you publish."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = "Theme"
        description = "A theme: one step of the self-assessment, with its questions."

    def clean(self, value):
        value = super().clean(value)
        rungs = [item["rung"].pk for item in value.get("advice") or [] if item.get("rung")]
        duplicates = {pk for pk in rungs if rungs.count(pk) > 1}
        if duplicates:
            raise StructBlockValidationError(
                block_errors={
                    "advice": ListBlockValidationError(
                        non_block_errors=[
                            ValidationError("Write advice for each rung once only in a theme.")
                        ]
                    )
                }
            )
        above = [item["above"].pk for item in value.get("requirements") or [] if item.get("above")]
        if len(above) != len(set(above)):
            raise StructBlockValidationError(
                block_errors={
                    "requirements": ListBlockValidationError(
                        non_block_errors=[
                            ValidationError(
                                "Set one requirement per rung in a theme: each 'to be above' "
                                "rung once only."
                            )
                        ]
                    )
                }
            )
        return value


class QuestionnaireBlock(blocks.StreamBlock):
    theme = ThemeBlock()

    class Meta:
        min_num = 1
        block_counts = {"theme": {"min_num": 1}}
