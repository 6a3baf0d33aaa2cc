"""The three levels and their criteria, in the databank's own words (after the way Movisie,
Loket Gezond Leven and the EU Best Practice Portal structure theirs). The editors refine the
wording in the admin; this only fills an empty table."""

from django.db import migrations

LEVELS = [
    (
        "beschreven",
        "De fiche beschrijft de aanpak: wat er gebeurt, voor wie en met wie. Er is (voor zover "
        "de bronnen zeggen) geen meting van de werking of het effect.",
        [
            "Het doel van de praktijk staat op de fiche.",
            "De fiche zegt voor wie de praktijk bedoeld is.",
            "De aanpak is beschreven: wat er gebeurt, in welke stappen en met welke partners.",
            "Er is een contactpunt dat meer over de praktijk kan vertellen.",
        ],
    ),
    (
        "lokaal-geevalueerd",
        "Het lokaal bestuur of een partner heeft de werking of het effect gemeten of "
        "geëvalueerd. Waar de evaluatie openbaar is, linkt de fiche ernaar.",
        [
            "De werking of het effect werd gemeten of bevraagd, bij deelnemers, buurtbewoners "
            "of partners.",
            "Er is een verslag van die meting dat de beoordelaar kon inzien.",
            "Het verslag zegt hoe er gemeten werd (vragenlijst, gesprekken, cijfers) en bij "
            "hoeveel mensen.",
            "Het verslag noemt ook wat minder goed werkte en wat daarna veranderde.",
        ],
    ),
    (
        "extern-onderzocht",
        "Een onafhankelijke onderzoeksgroep heeft het effect onderzocht; de fiche linkt naar "
        "het onderzoek.",
        [
            "Het onderzoek is gedaan door een onderzoeker of organisatie die de praktijk niet "
            "zelf uitvoert.",
            "Het onderzoek beschrijft zijn methode en vergelijkt, waar het kan, met een "
            "voormeting of met een groep zonder de praktijk.",
            "Het onderzoek vindt een effect op wat de praktijk wil bereiken.",
            "Het onderzoek is openbaar of kan op vraag ingezien worden.",
        ],
    ),
]


def fill(apps, schema_editor):
    Level = apps.get_model("evidence", "Level")
    if Level.objects.exists():
        return
    for rank, (code, description, criteria) in enumerate(LEVELS):
        level = Level.objects.create(code=code, description=description, rank=rank)
        for position, text in enumerate(criteria, start=1):
            level.criteria.create(text=text, position=position)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
