"""A partner's figures for one period, kept when the records behind them go.

When the retention period removes the payments and answers of a period, the
partner's record for that period is kept as it was just before
(``payments.retention``): figures about groups of at least 5 people, with
every smaller cell already withheld, and no person in them (see
docs/privacy.md, "motivated intruder").
"""

from django.db import models


class KeptPartnerFigures(models.Model):
    """One partner's record for one quarter or year, kept after its records
    were purged; from then on the reports show this instead."""

    partner = models.ForeignKey(
        "partners.PartnerPage", on_delete=models.CASCADE, related_name="kept_figures"
    )
    kind = models.CharField(max_length=10, help_text="'quarter' or 'year'.")
    period = models.CharField(max_length=10, help_text="For example '2026' or '2026 Q3'.")
    figures = models.JSONField(help_text="Every cell, as shown, withheld cells as such.")
    kept_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "kept partner figures"
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "kind", "period"], name="one_kept_record_a_period"
            )
        ]

    def __str__(self):
        return f"Kept figures for {self.period}"
