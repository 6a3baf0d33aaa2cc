"""Tables on a phone and at 200 % zoom: every word whole on its line (a table may scroll in its
own region, the page itself never sideways)."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)
COMPARE = (
    "/bewaarlijst/vergelijk/?fiche=pleinmakers&fiche=curant-cohousing-project"
    "&fiche=religieuze-en-levensbeschouwelijke-diversiteit-genks-basisonderwijs"
)

# Each word (letters and digits only: a break after a hyphen or a slash is allowed) of each
# text in the table, measured: a word drawn on two lines has two boxes on different lines.
SPLIT_WORDS = """table => {
  const split = [];
  const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/[\\p{L}\\p{N}]+/gu)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
      if (tops.size > 1) split.push(match[0]);
    }
  }
  return split;
}"""


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


@pytest.mark.parametrize("width", [320, 640, 1280])
@pytest.mark.parametrize("path", [COMPARE, "/kaart/"])
def test_no_word_is_split_across_lines(browser, site, screenshot, width, path):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-BE")
    page = context.new_page()
    page.goto(site + path)
    table = page.locator("table").first
    assert table.locator("td").count() > 0
    assert table.evaluate(SPLIT_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"table-{'compare' if 'vergelijk' in path else 'map'}-{width}")
    context.close()
