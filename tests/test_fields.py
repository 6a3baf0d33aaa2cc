"""The one-item-per-line field that editors use for goals, success factors and challenges."""

import pytest

from practices.fields import MAX_ITEM_LENGTH, MAX_ITEMS, LinesFormField


def test_each_non_empty_line_is_an_item_and_pasted_bullets_are_dropped():
    field = LinesFormField(required=False)
    text = " • Eerste doel\n\n- Tweede doel  \r\n* Derde doel\n   \n"
    assert field.clean(text) == ["Eerste doel", "Tweede doel", "Derde doel"]


def test_a_list_is_shown_one_item_per_line():
    assert LinesFormField().prepare_value(["a", "b"]) == "a\nb"


def test_unchanged_list_is_not_reported_as_changed():
    assert not LinesFormField().has_changed(["a", "b"], "a\r\nb\r\n")
    assert LinesFormField().has_changed(["a", "b"], "b\na")


def test_too_many_items_gets_a_dutch_message():
    field = LinesFormField(required=False)
    with pytest.raises(Exception) as error:
        field.clean("\n".join(f"punt {n}" for n in range(MAX_ITEMS + 1)))
    assert f"hoogstens {MAX_ITEMS} punten" in str(error.value)


def test_too_long_item_gets_a_dutch_message_naming_the_item():
    field = LinesFormField(required=False)
    with pytest.raises(Exception) as error:
        field.clean("kort\n" + "x" * (MAX_ITEM_LENGTH + 1))
    assert "Punt 2 is te lang" in str(error.value)
