"""The ten-word rule: no run of ten consecutive words is shared between our texts and the
source documents in ../shared/seeds (case and punctuation ignored; names and titles aside).
The tests that use it skip when the sources are not beside the project (a fresh clone)."""

import re
import unicodedata
from pathlib import Path

RUN = 10
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
# Fields that hold names and titles exactly as the sources write them.
NAME_FIELDS = {"title", "name", "slug", "as_written", "url", "contact_url", "contact_email"}
TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}|<[^>]+>", re.DOTALL)


def words(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.findall(r"\w+", re.sub("[\u2019'\u2018`\u00b4]", "", text))


def runs(text):
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


def seed_runs(folder=SEEDS):
    shared = set()
    for path in sorted(folder.iterdir()):
        shared |= runs(path.read_text(encoding="utf-8"))
    return shared


def fixture_texts(rows):
    """(where, text) for every text a fixture row holds, names and titles left out."""
    for row in rows:
        for field, value in row["fields"].items():
            if field in NAME_FIELDS:
                continue
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str):
                    where = row.get("pk", row["fields"].get("slug"))
                    yield f"{row['model']} {where} {field}", text


def template_text(source):
    return TEMPLATE_CODE.sub(" ", source)


def copied(texts, seeds):
    """[(where, the first shared run)] for every text that shares a run with the seeds."""
    found = []
    for where, text in texts:
        shared = sorted(runs(text) & seeds)
        if shared:
            found.append((where, " ".join(shared[0])))
    return found
