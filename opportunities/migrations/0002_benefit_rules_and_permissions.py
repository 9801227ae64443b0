"""Seed the benefit rules with the 2025/26 public figures, and let editors keep them.

Editors add a new dated rule each April; these first ones are a starting
point, checked against GOV.UK in 2025. Editors and Moderators may manage
benefit rules (opportunity pages themselves use Wagtail's page permissions).
"""

import datetime
from decimal import Decimal

from django.db import migrations

APRIL_2025 = datetime.date(2025, 4, 7)

RULES = [
    {
        "benefit": "esa",
        "weekly_earnings_limit": Decimal("195.50"),
        "weekly_hours_limit": Decimal("16"),
        "what_counts": (
            "Fees and vouchers count as earnings. Expenses paid back for real costs, "
            "like bus fares, do not."
        ),
        "note": (
            "ESA Permitted Work lets you earn up to £195.50 a week and work under 16 hours "
            "a week (2025/26 figures; they change each April). You need to tell the DWP "
            "on form PW1 before you start paid work."
        ),
        "lead_time_weeks": 4,
        "lead_time_note": (
            "If you get ESA, send form PW1 to the DWP before you start: it can take weeks."
        ),
        "link": "https://www.gov.uk/employment-support-allowance",
    },
    {
        "benefit": "carers_allowance",
        "weekly_earnings_limit": Decimal("196.00"),
        "what_counts": (
            "Earnings after tax, National Insurance and some costs count. Expenses paid back "
            "for real costs do not."
        ),
        "note": (
            "From April 2025 you can earn up to £196 a week and keep Carer's Allowance. "
            "Even a pound over the limit loses that whole week's payment."
        ),
        "link": "https://www.gov.uk/carers-allowance",
    },
    {
        "benefit": "universal_credit",
        "what_counts": (
            "Fees and vouchers count as earnings. Expenses paid back for real costs do not."
        ),
        "note": (
            "Earnings reduce Universal Credit by 55p for every £1 above any work allowance. "
            "They count in the monthly assessment period in which you are paid, so the "
            "date of payment matters."
        ),
        "link": "https://www.gov.uk/universal-credit",
    },
    {
        "benefit": "jsa",
        "weekly_earnings_limit": Decimal("5.00"),
        "weekly_hours_limit": Decimal("16"),
        "what_counts": (
            "Fees and vouchers count as earnings. Expenses paid back for real costs do not."
        ),
        "note": (
            "Only a small amount of earnings is ignored: usually £5 a week (£10 for a couple, "
            "£20 in some cases). Above that, JSA is cut pound for pound. Working 16 hours "
            "a week or more may stop it."
        ),
        "link": "https://www.gov.uk/jobseekers-allowance",
    },
    {
        "benefit": "income_support",
        "weekly_earnings_limit": Decimal("5.00"),
        "weekly_hours_limit": Decimal("16"),
        "what_counts": (
            "Fees and vouchers count as earnings. Expenses paid back for real costs do not."
        ),
        "note": (
            "Only a small amount of earnings is ignored: usually £5 a week, or £20 for some "
            "people such as lone parents and carers. Above that, Income Support is cut pound "
            "for pound. Working 16 hours a week or more may stop it."
        ),
        "link": "https://www.gov.uk/income-support",
    },
    {
        "benefit": "pip",
        "affected_by_earnings": False,
        "what_counts": "Earnings do not count for PIP.",
        "note": (
            "PIP is not affected by earnings or by working. It is about the extra costs of a "
            "disability or health condition."
        ),
        "link": "https://www.gov.uk/pip",
    },
]


def seed_rules(apps, schema_editor):
    BenefitRule = apps.get_model("opportunities", "BenefitRule")
    for fields in RULES:
        values = {**fields}
        benefit = values.pop("benefit")
        BenefitRule.objects.get_or_create(benefit=benefit, valid_from=APRIL_2025, defaults=values)


def grant_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="opportunities",
        codename__in=[f"{action}_benefitrule" for action in ("add", "change", "delete", "view")],
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*permissions)


def forwards(apps, schema_editor):
    seed_rules(apps, schema_editor)
    grant_permissions(apps, schema_editor)


def backwards(apps, schema_editor):
    apps.get_model("opportunities", "BenefitRule").objects.filter(valid_from=APRIL_2025).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0001_initial"),
        ("home", "0003_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
