"""The Dutch dictionary of the PostgreSQL search: compounds, diminutives and plurals.

`databank_dutch` maps every word through unaccent, then the ispell dictionary `databank_nl`
(Debian's hunspell-nl, installed on the database server by deploy/install_dutch_dictionary.py),
then the Snowball stemmer for the words the dictionary does not know. The dictionary splits
compounds and undoes diminutives and plurals: 'jeugdhuizen' -> {jeugdhuizen, jeugd, huis},
'pleintjes' -> {pleintje, plein}. Without the files on the server the configuration stays on
the stemmer alone, and `manage.py use_dutch_dictionary` switches over once they are there.
"""

import logging

from django.db import DatabaseError, transaction

NAME = "databank_nl"
WORD_TYPES = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"
logger = logging.getLogger(__name__)


def in_use(connection):
    """Whether databank_dutch looks words up in the dictionary."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_ts_config_map m JOIN pg_ts_dict d ON d.oid = m.mapdict "
            "WHERE m.mapcfg = 'databank_dutch'::regconfig AND d.dictname = %s LIMIT 1",
            [NAME],
        )
        return cursor.fetchone() is not None


def enable(connection):
    """Create the dictionary and put it in databank_dutch; False when its files are missing.
    The caller recomputes the search vectors (`manage.py rebuild_search_index`)."""
    if connection.vendor != "postgresql":
        return False
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {NAME} CASCADE")
            cursor.execute(
                f"CREATE TEXT SEARCH DICTIONARY {NAME} (TEMPLATE = ispell, "
                f"DictFile = {NAME}, AffFile = {NAME}, StopWords = dutch)"
            )
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION databank_dutch "
                f"ALTER MAPPING FOR {WORD_TYPES} WITH unaccent, {NAME}, dutch_stem"
            )
    except DatabaseError as error:
        logger.warning(
            "Dutch dictionary not available (%s); the search stems words without it. "
            "Install it with deploy/install_dutch_dictionary.py.",
            str(error).strip().splitlines()[0],
        )
        return False
    return True


def disable(connection):
    """Back to the stemmer alone, as migration 0002 set it up."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER TEXT SEARCH CONFIGURATION databank_dutch "
            "ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH dutch_stem"
        )
        cursor.execute(
            "ALTER TEXT SEARCH CONFIGURATION databank_dutch "
            "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem"
        )
        cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {NAME}")


REBUILD = "UPDATE practices_practice p SET search_vector = practices_search_document(p)"


def rebuild_vectors(connection):
    """Recompute every practice's search vector; returns how many."""
    with connection.cursor() as cursor:
        cursor.execute(REBUILD)
        return cursor.rowcount


REBUILD_BATCH = 5000  # practices a statement (rebuild_vectors_compactly)


def rebuild_vectors_compactly(connection, *, batch=REBUILD_BATCH):
    """rebuild_vectors(), outside a transaction, in batches of `batch` practices, each
    committed and followed by a VACUUM; returns how many.

    An UPDATE writes a new version of every row it changes. In one statement the table then
    holds every practice twice, and keeps that size: a benchmark databank of 100,000
    practices went from 195 to 329 MB, and a broad search reads the whole table. Vacuumed
    between batches, each batch takes the space the one before freed, so the table grows by
    about one batch. A batch that fails leaves the ones before it done; running it again
    finishes the work (a vector depends on its practice only)."""
    if connection.in_atomic_block:
        raise ValueError("VACUUM cannot run inside a transaction: use rebuild_vectors()")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM practices_practice ORDER BY id")
        ids = [pk for (pk,) in cursor.fetchall()]
        for start in range(0, len(ids), batch):
            cursor.execute(f"{REBUILD} WHERE p.id = ANY(%s)", [ids[start : start + batch]])
            cursor.execute("VACUUM practices_practice")
    return len(ids)
