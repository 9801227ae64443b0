from django.apps import AppConfig


class LadderConfig(AppConfig):
    name = "ladder"
    verbose_name = "Ladder of Community Participation"

    def ready(self):
        from wagtail.signals import published

        from ladder.models import Questionnaire

        published.connect(record_questionnaire_version, sender=Questionnaire)


def record_questionnaire_version(sender, instance, revision=None, **kwargs):
    """Publishing the questionnaire freezes it as a new version for new journeys."""
    instance.record_version(revision=revision)
