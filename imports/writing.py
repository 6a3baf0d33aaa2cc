"""Writing one planned row to its sheet: the practice, its relations and its places, and a
revision that says it came from an import, by which editor."""

import reversion

from imports.planning import apply_plain_values
from practices.models import PracticeLink, PracticeLocation
from practices.services import mark_content_changed

RELATIONS = ("target_groups", "policy_domains", "actions", "organisations", "sources")
PLACE_COLUMNS = ("places", "place_descriptions", "contacts")


def write_plan(plan, *, editor, file_name):
    """Save the row's sheet as the plan says (the plan holds no errors)."""
    practice, values = plan.practice, plan.values
    apply_plain_values(practice, values)
    practice.save()
    for name in RELATIONS:
        if name in values:
            getattr(practice, name).set(values[name])
    if "keywords" in values:
        practice.tags.set(values["keywords"])
    if "links" in values:
        practice.links.all().delete()
        PracticeLink.objects.bulk_create(
            PracticeLink(practice=practice, title=title[:200], url=url, position=n)
            for n, (title, url) in enumerate(values["links"])
        )
    if any(name in values for name in PLACE_COLUMNS):
        _write_places(practice, values)
    if not plan.is_new:
        mark_content_changed(practice=practice)
    with reversion.create_revision():
        reversion.set_user(editor)
        reversion.set_comment(
            f"{'Aangemaakt' if plan.is_new else 'Bijgewerkt'} bij de import van {file_name}."
        )
        reversion.add_to_revision(practice)
    return practice


def _write_places(practice, values):
    """The places the row names, in its order; what happens there and the contact from the
    row's columns, or as they were when the file leaves a column out."""
    from imports.parsing import Place

    locations = {_label(location): location for location in practice.locations.all()}
    if "places" in values:
        places = values["places"]
    else:
        places = [
            Place(location.municipality, "" if location.municipality_id else location.area_label)
            for location in locations.values()
        ]
    descriptions = values.get("place_descriptions")
    contacts = values.get("contacts")
    keep = []
    for position, place in enumerate(places):
        location = locations.get(place.label) or PracticeLocation(
            practice=practice, municipality=place.municipality, area_label=place.area
        )
        location.position = position
        if descriptions is not None:
            location.description = descriptions.get(place.label, "")
        if contacts is not None:
            (
                location.contact_name,
                location.contact_email,
                location.contact_phone,
                location.contact_url,
            ) = contacts.get(place.label, ("", "", "", ""))
        location.full_clean(exclude=["practice"])
        location.save()
        keep.append(location.pk)
    practice.locations.exclude(pk__in=keep).delete()


def _label(location):
    from imports.parsing import Place

    area = "" if location.municipality_id else location.area_label
    return Place(location.municipality, area).label
