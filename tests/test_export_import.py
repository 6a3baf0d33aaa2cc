"""export_databank and import_databank: a round trip into an empty database loses nothing."""

import json

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import connection

from practices.management.commands.export_databank import EXPORTED
from practices.models import Practice
from search.text import search as text_search

pytestmark = pytest.mark.django_db


def snapshot():
    """Every exported row, serialized, without the derived search vector."""
    from django.apps import apps

    rows = []
    for label in EXPORTED:
        model = apps.get_model(label)
        serialized = serializers.serialize(
            "json",
            model.objects.order_by("pk"),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )
        for row in json.loads(serialized):
            row["fields"].pop("search_vector", None)
            rows.append(row)
    return rows


def test_a_round_trip_loses_nothing(tmp_path, capsys):
    call_command("seed", verbosity=0)
    practice = Practice.objects.get(slug="pleinpatrons")
    Practice.objects.filter(pk=practice.pk).update(
        image="praktijken/abc.jpg", image_alt="Een plein", image_credit="Stad Gent"
    )
    practice.tags.add("speelpleinen")
    before = snapshot()
    path = tmp_path / "databank.json"

    call_command("export_databank", str(path))
    for label in reversed(EXPORTED):
        from django.apps import apps

        apps.get_model(label).objects.all().delete()
    assert not Practice.objects.exists()
    call_command("import_databank", str(path))

    assert snapshot() == before
    restored = Practice.objects.get(slug="pleinpatrons")
    assert restored.image.name == "praktijken/abc.jpg" and restored.image_alt == "Een plein"
    assert "speelpleinen" in restored.tags.names()
    assert "Geïmporteerd: 29 praktijken." in capsys.readouterr().out
    if connection.vendor == "postgresql":
        assert text_search(Practice.objects.published(), "pleinpatrons").exists()


def test_import_refuses_a_databank_that_is_not_empty(tmp_path):
    call_command("seed", verbosity=0)
    path = tmp_path / "databank.json"
    call_command("export_databank", str(path))
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("import_databank", str(path))
