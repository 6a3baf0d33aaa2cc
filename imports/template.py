"""The import template: an XLSX with the columns an import reads (the export's headings), a
sheet of instructions in Dutch, and drop-down lists (data validation) for every column that
names a curated term, drawn from the databank as it is now."""

from openpyxl.worksheet.datavalidation import DataValidation

from practices import spreadsheets
from practices.columns import (
    AREA,
    COLUMNS,
    NAMES,
    cost_labels,
    evidence_labels,
    life_labels,
    status_labels,
)
from practices.models import Action, Category, Municipality, Organisation, PolicyDomain, TargetGroup

IMPORTED = [column for column in COLUMNS if column.imported]
LIST_ROWS = 2000  # rows of the table the drop-down lists apply to


def _names(model):
    return list(model.objects.order_by("name").values_list("name", flat=True))


def _lists():
    """(column key, heading of the list, values, one value per cell?)"""
    return [
        ("category", "Categorieën", [c.name for c in Category.objects.order_by("name")], True),
        (
            "target_groups",
            "Doelgroepen",
            [t.name for t in TargetGroup.objects.order_by("name")],
            False,
        ),
        (
            "policy_domains",
            "Beleidsdomeinen",
            _names(PolicyDomain),
            False,
        ),
        (
            "actions",
            "Acties Plan Samenleven",
            [f"Actie {a.number} – {a.title}" for a in Action.objects.order_by("number")],
            False,
        ),
        (
            "places",
            "Gemeenten (NIS-code)",
            [
                f"{m.name} ({m.nis_code})" if m.nis_code else m.name
                for m in Municipality.objects.order_by("name")
            ],
            False,
        ),
        (
            "organisations",
            "Organisaties",
            _names(Organisation),
            False,
        ),
        ("evidence_level", "Onderbouwing", list(evidence_labels().values()), True),
        ("life_status", "Loopt ze nog?", list(life_labels().values()), True),
        ("cost_band", "Kostenschijf", list(cost_labels().values()), True),
        ("status", "Status", list(status_labels().values()), True),
    ]


INSTRUCTIONS = [
    "Zo vul je het importsjabloon in",
    "",
    "1. Eén rij per fiche, onder de kopregel van het blad ‘Praktijken’. Laat de kopregel staan.",
    "2. Een nieuwe fiche: laat ‘Webadres’ leeg. Titel en samenvatting zijn verplicht.",
    "3. Een bestaande fiche bijwerken: zet haar webadres (uit een export) in ‘Webadres’. "
    "Zonder webadres zoekt de import de fiche met precies dezelfde titel.",
    "4. Een kolom die je weglaat of wist, blijft ongemoeid; een lege cel in een kolom die er "
    "staat, maakt dat veld leeg.",
    f"5. Meer waarden in één cel (doelgroepen, beleidsdomeinen, acties, trefwoorden, "
    f"organisaties, bronnen): scheid ze met ‘{NAMES.strip()}’. De keuzelijst helpt je er één "
    "kiezen; typ er gerust meer.",
    "6. Doelen, succesfactoren, uitdagingen, gemeenten en links: één per regel in de cel "
    "(Alt+Enter in Excel).",
    "7. Een gemeente schrijf je met haar naam of NIS-code, bv. ‘Gent (44021)’; een ruimer "
    f"gebied als ‘{AREA}Meer dan 30 gemeenten’.",
    "8. ‘Wat gebeurt er per gemeente’ en ‘Contact per gemeente’: één regel per gemeente, die "
    "begint met de gemeente en een dubbelpunt, bv. ‘Gent (44021): Jan Peeters | "
    "jan@gent.be | 09 123 45 67 | https://stad.gent’.",
    "9. Een link: ‘titel | https://…’. Stand van zaken: ‘2019’ of ‘2019-03’. Datums: ‘2026-12-31’.",
    "10. Status ‘Concept’ of ‘Gepubliceerd’; leeg is ‘Concept’ voor een nieuwe fiche en "
    "ongewijzigd voor een bestaande.",
    "",
    "Daarna: in het beheer, bij Praktijken, ‘Importeren’. Je ziet eerst per rij wat er "
    "verandert en wat niet klopt; pas na je bevestiging wordt iets opgeslagen.",
]


def template_file():
    lists = _lists()

    def add_instructions(workbook):
        sheet = workbook.create_sheet("Uitleg")
        sheet.column_dimensions["A"].width = 120
        for line in INSTRUCTIONS:
            sheet.append([line])

    def add_lists(workbook):
        sheet = workbook.create_sheet("Lijsten")
        for _, heading, values, _ in lists:
            sheet.append([heading, *values])  # one list per row: the columns stay few

    table = spreadsheets.xlsx_file(
        IMPORTED,
        [],
        extra_sheets=[add_instructions, add_lists],
        validations=[_validation(IMPORTED, lists, n) for n in range(len(lists))],
    )
    return table


def _validation(columns, lists, number):
    """A drop-down list for one column of the table, its values on row `number` of Lijsten."""
    from openpyxl.utils import get_column_letter

    key, heading, values, single = lists[number]
    position = next(n for n, column in enumerate(columns, start=1) if column.key == key)
    letter = get_column_letter(position)
    last = get_column_letter(len(values) + 1)
    validation = DataValidation(
        type="list",
        formula1=f"Lijsten!$B${number + 1}:${last}${number + 1}",
        allow_blank=True,
        showErrorMessage=single,
        errorTitle="Onbekende waarde",
        error=f"Kies een waarde uit de lijst ‘{heading}’ (blad Lijsten).",
        promptTitle=heading,
        prompt="Kies uit de lijst." if single else f"Kies uit de lijst; meer waarden: {NAMES}",
        showInputMessage=True,
    )
    validation.add(f"{letter}2:{letter}{LIST_ROWS}")
    return validation
