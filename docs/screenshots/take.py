"""The screenshots in this folder, taken from a running site with Debian's Chromium:

make run            # in one terminal (the seed data)
.venv/bin/python docs/screenshots/take.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
SITE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        shots = [
            ("home", DESKTOP, "/", None),
            ("sheet", DESKTOP, "/praktijken/curant-cohousing-project/", None),
            ("search-phone", PHONE, "/praktijken/?q=jongeren", None),
            ("form-with-errors", DESKTOP, "/fiche-indienen/", "send"),
            ("map", DESKTOP, "/kaart/", None),
        ]
        for name, device, path, action in shots:
            context = browser.new_context(locale="nl-BE", **device)
            page = context.new_page()
            page.goto(SITE + path)
            if action == "send":
                page.get_by_label("Naam van de praktijk").fill("Taalcafé")
                page.get_by_label("E-mailadres").fill("geen-adres")
                page.get_by_role("button", name="Fiche versturen", exact=True).last.click()
                page.wait_for_load_state()
            page.screenshot(path=HERE / f"{name}.png", full_page=name != "search-phone")
            context.close()
            print(HERE / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
