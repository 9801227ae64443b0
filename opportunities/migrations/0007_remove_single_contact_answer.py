from django.db import migrations


class Migration(migrations.Migration):
    """The single contact method, detail and "safe to leave a message" answer,
    now carried by the contact wishes (0006). A migration of its own: on
    PostgreSQL a table cannot be altered in the transaction that updated its rows."""

    dependencies = [("opportunities", "0006_contact_wishes")]

    operations = [
        migrations.RemoveField(
            model_name="expressionofinterest",
            name="contact_detail",
        ),
        migrations.RemoveField(
            model_name="expressionofinterest",
            name="contact_method",
        ),
        migrations.RemoveField(
            model_name="expressionofinterest",
            name="safe_to_leave_message",
        ),
    ]
