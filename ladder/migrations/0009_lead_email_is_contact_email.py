from django.db import migrations


class Migration(migrations.Migration):
    """The lead contact's email becomes the contact email of their contact wishes
    (privacy.contact_wishes), the same field every record with contact details has."""

    dependencies = [("ladder", "0008_invitation_wording_validators")]

    operations = [
        migrations.RenameField(
            model_name="invitation", old_name="lead_email", new_name="contact_email"
        ),
    ]
