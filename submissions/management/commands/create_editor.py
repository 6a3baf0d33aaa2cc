import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from submissions.editors import editors_group


class Command(BaseCommand):
    help = (
        "Create an editor: a staff account in the group Redacteurs. The password is asked, "
        "or read from EDITOR_PASSWORD."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Er bestaat al een account ‘{username}’.")
        password = os.getenv("EDITOR_PASSWORD") or getpass.getpass("Wachtwoord: ")
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user.set_password(password)
        user.save()
        user.groups.add(editors_group(Group, Permission))
        self.stdout.write(self.style.SUCCESS(f"Redacteur ‘{username}’ aangemaakt."))
