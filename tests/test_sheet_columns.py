"""Every field a sheet has travels in the exports and the import: a field added to a practice
fails this test until a column carries it (practices.columns) or NOT_IN_FILES says why not."""

from practices.columns import COLUMNS, NOT_IN_FILES, PUBLIC_COLUMNS
from practices.models import Practice


def practice_fields():
    """The practice's own fields and relations, and those of what belongs to it alone."""
    names = set()
    for field in Practice._meta.get_fields():
        if field.auto_created and not field.concrete and field.related_model is not None:
            if field.related_model._meta.app_label != "practices":
                continue  # submissions and alerts point at a practice; they are not of it
            if field.name in ("locations",):
                names |= {
                    f"locations.{f.name}"
                    for f in field.related_model._meta.concrete_fields
                    if f.name not in ("id", "practice")
                }
                continue
        names.add(field.name)
    return names


def test_every_field_of_a_sheet_is_in_a_column_or_left_out_with_a_reason():
    carried = {name for column in COLUMNS for name in column.carries}
    missing = practice_fields() - carried - set(NOT_IN_FILES)
    assert missing == set(), f"No column carries {sorted(missing)}: add one to COLUMNS"


def test_no_column_names_a_field_the_sheet_does_not_have():
    # Other apps' columns (practices.columns.register_column) read their own relations.
    fields = practice_fields() | {"slug"} | {field.name for field in Practice._meta.get_fields()}
    unknown = {
        name
        for column in COLUMNS
        for name in column.carries
        if name not in fields and name.split(".")[0] not in fields
    }
    assert unknown == set()


def test_headings_are_unique_and_the_public_columns_leave_out_the_editors_own():
    headings = [column.heading for column in COLUMNS]
    assert len(headings) == len(set(headings))
    public = {column.key for column in PUBLIC_COLUMNS}
    assert {"status", "last_reviewed_on", "review_due_on", "created_at"}.isdisjoint(public)
