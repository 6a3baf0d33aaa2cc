"""The site's pages as outside checkers see them: Lighthouse, pa11y and the Nu Html Checker,
run from tools/quality/ (`make quality-tools`) with Debian's Chromium and Java.

Without them these tests are deselected, with a line saying so; CI sets
REQUIRE_QUALITY_TOOLS=True so that a missing checker fails the run instead."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.conftest import CHROMIUM, chromium_available
from tests.conftest import deselect_unless
from tests.decided_sheet import decide_on_it

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "quality" / "node_modules"
LIGHTHOUSE = TOOLS / ".bin" / "lighthouse"
PA11Y = TOOLS / ".bin" / "pa11y"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"


def tools_available():
    return (
        chromium_available()
        and shutil.which("java") is not None
        and shutil.which("node") is not None
        and all(path.exists() for path in (LIGHTHOUSE, PA11Y, VNU))
    )


def pytest_collection_modifyitems(config, items):
    deselect_unless(
        config,
        items,
        folder="quality",
        available=tools_available(),
        required_by="REQUIRE_QUALITY_TOOLS",
        reason="Lighthouse, pa11y or the Nu Html Checker missing (make quality-tools; "
        "Chromium, Java and Node.js from Debian)",
    )


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    decide_on_it()
    return live_server.url


__all__ = ["CHROMIUM", "LIGHTHOUSE", "PA11Y", "VNU"]
