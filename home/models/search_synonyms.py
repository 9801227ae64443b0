"""Words people search for, and the words the site uses for the same thing."""

import re

from django.core.exceptions import ValidationError
from django.db import models


def words_of(text: str) -> tuple[str, ...]:
    """The lower-case words of ``text``, as searches compare them."""
    return tuple(word.lower() for word in re.findall(r"\w+", text or ""))


class SearchSynonym(models.Model):
    """A word or phrase people search for ("wheelchair") and what our pages
    call it ("step-free"). A search for the term also finds pages with any of
    the alternatives, and the other words of the search must still match."""

    term = models.CharField(
        "when someone searches for",
        max_length=80,
        unique=True,
        help_text="A word or short phrase people type, for example 'wheelchair' or 'UC'.",
    )
    alternatives = models.TextField(
        "also find",
        help_text=(
            "The words our pages use for the same thing, one per line, for example "
            "'step-free' or 'Universal Credit'."
        ),
    )

    class Meta:
        verbose_name = "search synonym"
        ordering = ["term"]

    def __str__(self):
        return self.term

    def clean(self):
        super().clean()
        errors = {}
        if not words_of(self.term):
            errors["term"] = "Enter a word or phrase with at least one letter or number."
        elif (
            SearchSynonym.objects.exclude(pk=self.pk)
            .filter(term__iexact=self.term.strip())
            .exists()
        ):
            errors["term"] = "There is already a synonym for this word."
        if not self.alternative_phrases:
            errors["alternatives"] = "Enter at least one word or phrase to find as well."
        if errors:
            raise ValidationError(errors)

    @property
    def alternative_phrases(self) -> list[tuple[str, ...]]:
        """Each alternative as its words, without blanks and repeats of the term."""
        phrases = [words_of(line) for line in (self.alternatives or "").splitlines()]
        term = words_of(self.term)
        return list(dict.fromkeys(phrase for phrase in phrases if phrase and phrase != term))

    @classmethod
    def as_mapping(cls) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """Every synonym, one query: a term's words to its alternatives' words."""
        return {
            words_of(synonym.term): synonym.alternative_phrases
            for synonym in cls.objects.all()
            if words_of(synonym.term)
        }


def search_synonym_models() -> list[type]:
    """Synonyms change what searches find, so the page cache watches them."""
    return [SearchSynonym]
