#!/usr/bin/env python3
"""Install Debian's Dutch hunspell dictionary (package hunspell-nl) as a PostgreSQL ispell
dictionary, so that the search finds compounds, diminutives and plurals:
'jeugdhuizen' -> {jeugdhuizen, jeugd, huis}, 'pleintjes' -> {pleintje, plein}.

PostgreSQL reads dictionary files from its own share directory, on the database server, so
this runs there, as root (or as the owner of that directory):

    apt-get install hunspell-nl && python3 deploy/install_dutch_dictionary.py

It writes databank_nl.dict and databank_nl.affix into tsearch_data of every PostgreSQL
version it finds (or of --target). Then `manage.py use_dutch_dictionary` (or the migration,
on a new database) switches the search over. Standard library only; no Django needed.

PostgreSQL's ispell parser accepts a subset of hunspell: the affix file keeps only the
directives it understands (the affix rules and the compound flags; comments and morphology
dropped), and the word list drops the entries it would misread (escaped slashes as in 'km\\/h',
morphological fields after a tab).
"""

import argparse
import glob
import sys
from pathlib import Path

SOURCE = Path("/usr/share/hunspell")
NAME = "databank_nl"
AFFIX_DIRECTIVES = frozenset(
    "SET FLAG PFX SFX COMPOUNDMIN COMPOUNDBEGIN COMPOUNDMIDDLE COMPOUNDEND "
    "COMPOUNDPERMITFLAG ONLYINCOMPOUND".split()
)


def affix_lines(text):
    for line in text.splitlines():
        words = line.split()
        if words and words[0] in AFFIX_DIRECTIVES:
            yield line.split("#")[0].rstrip()


def dictionary_lines(text):
    entries = []
    for line in text.splitlines()[1:]:
        entry = line.split("\t")[0].rstrip().removesuffix("/")
        if entry and "\\/" not in entry:
            entries.append(entry)
    return [str(len(entries)), *entries]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="holds nl.aff and nl.dic")
    parser.add_argument("--target", type=Path, action="append", help="a tsearch_data directory")
    args = parser.parse_args()
    aff, dic = args.source / "nl.aff", args.source / "nl.dic"
    if not (aff.exists() and dic.exists()):
        sys.exit(f"{aff} or {dic} missing: apt-get install hunspell-nl")
    targets = args.target or [Path(p) for p in glob.glob("/usr/share/postgresql/*/tsearch_data")]
    if not targets:
        sys.exit("no PostgreSQL share directory found: give --target …/tsearch_data")
    affix = "\n".join(affix_lines(aff.read_text(encoding="utf-8"))) + "\n"
    words = "\n".join(dictionary_lines(dic.read_text(encoding="utf-8"))) + "\n"
    for target in targets:
        (target / f"{NAME}.affix").write_text(affix, encoding="utf-8")
        (target / f"{NAME}.dict").write_text(words, encoding="utf-8")
        print(f"{target}/{NAME}.dict and .affix written ({words.count(chr(10)) - 1} words)")


if __name__ == "__main__":
    main()
