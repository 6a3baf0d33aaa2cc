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


def rebuild_vectors(connection):
    """Recompute every practice's search vector; returns how many."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE practices_practice p SET search_vector = practices_search_document(p)"
        )
        return cursor.rowcount
