from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError

from twofactor.services import reset


class Command(BaseCommand):
    help = (
        "Remove an editor's authenticator and backup codes (a lost phone): their next login "
        "asks them to set up a new one. For a superuser on the server."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Geen gebruiker ‘{username}’.")
        removed = reset(user=user)
        self.stdout.write(
            f"Tweede stap van ‘{username}’ gewist ({removed} apparaat/codes); bij de volgende "
            "aanmelding stelt die een nieuwe app in."
        )
