import json
from io import StringIO

from django.core.management import BaseCommand, call_command

# Everything that makes up the databank, in an order loaddata can follow. Submissions are
# left out: they hold submitters' personal data; pg_dump is the full backup (README).
EXPORTED = [
    "practices.municipality",
    "practices.organisation",
    "practices.event",
    "practices.source",
    "practices.category",
    "practices.targetgroup",
    "practices.policydomain",
    "practices.action",
    "practices.synonymgroup",
    "taggit.tag",
    "practices.practice",
    "practices.session",
    "practices.person",
    "practices.role",
    "practices.practicelocation",
    "practices.practicelink",
    "practices.taggedpractice",
]
DERIVED_FIELDS = {"practices.practice": ["search_vector"]}  # the database recomputes these


class Command(BaseCommand):
    help = (
        "Export the whole databank (practices with places, links, keywords and photo paths; "
        "taxonomies; actions; sources, events, sessions, organisations and people; synonyms) "
        "to a JSON file that import_databank reads back."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file to write")

    def handle(self, *args, path, **options):
        buffer = StringIO()
        # Municipalities by their slug (natural keys): the database the file goes into has
        # the official register already, under other ids.
        call_command(
            "dumpdata",
            *EXPORTED,
            format="json",
            natural_foreign=True,
            natural_primary=True,
            stdout=buffer,
        )
        rows = json.loads(buffer.getvalue())
        for row in rows:
            for field in DERIVED_FIELDS.get(row["model"], []):
                row["fields"].pop(field, None)
        with open(path, "w", encoding="utf-8") as file:
            json.dump(rows, file, ensure_ascii=False, indent=1)
        self.stdout.write(f"{len(rows)} rijen geschreven naar {path}.")
