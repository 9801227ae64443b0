from django.apps import AppConfig
from wagtail.signals import published


class LadderConfig(AppConfig):
    name = "ladder"
    verbose_name = "Ladder of Community Participation"

    def ready(self):
        published.connect(record_questionnaire_version, sender=self.get_model("Questionnaire"))


def record_questionnaire_version(sender, instance, revision=None, **kwargs):
    """Publishing the questionnaire freezes it as a new version for new journeys."""
    instance.record_version(revision=revision)
