# The contacts of a practice's places (names, e-mail addresses) join its search vector, as
# written (databank_simple): the search reaches them through the index instead of a scan of
# every place (issue 13, speed at any size). Triggers already refresh the vector when a place
# changes.

from django.db import migrations

from practices.postgres import run_on_postgresql

FORWARD_SQL = [
    """
    CREATE OR REPLACE FUNCTION practices_search_document(p practices_practice) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
        WITH places AS (
            SELECT string_agg(concat_ws(' ', l.area_label, l.description), ' ') AS texts,
                   string_agg(m.name, ' ') AS names,
                   string_agg(concat_ws(' ', l.contact_name, l.contact_email), ' ') AS contacts
            FROM practices_practicelocation l
            LEFT JOIN practices_municipality m ON m.id = l.municipality_id
            WHERE l.practice_id = p.id
        ), keywords AS (
            SELECT string_agg(t.name, ' ') AS names
            FROM practices_taggedpractice tp JOIN taggit_tag t ON t.id = tp.tag_id
            WHERE tp.content_object_id = p.id
        ), lists AS (
            SELECT string_agg(item, ' ') AS texts
            FROM (
                SELECT jsonb_array_elements_text(p.goals) AS item
                UNION ALL SELECT jsonb_array_elements_text(p.success_factors)
            ) items
        )
        SELECT setweight(to_tsvector('databank_dutch', coalesce(p.title, '')), 'A')
            || setweight(to_tsvector('databank_simple', coalesce(p.title, '')), 'A')
            || setweight(to_tsvector('databank_dutch', coalesce(p.summary, '')), 'B')
            || setweight(to_tsvector('databank_dutch', concat_ws(' ',
                   p.description, lists.texts, places.texts, places.names, keywords.names)), 'C')
            || setweight(to_tsvector('databank_simple', concat_ws(' ',
                   places.names, keywords.names, places.contacts)), 'C')
        FROM places, keywords, lists
    $$;
    """,
    "UPDATE practices_practice p SET search_vector = practices_search_document(p);",
]
BACKWARD_SQL = [
    """
    CREATE OR REPLACE FUNCTION practices_search_document(p practices_practice) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
        WITH places AS (
            SELECT string_agg(concat_ws(' ', l.area_label, l.description), ' ') AS texts,
                   string_agg(m.name, ' ') AS names
            FROM practices_practicelocation l
            LEFT JOIN practices_municipality m ON m.id = l.municipality_id
            WHERE l.practice_id = p.id
        ), keywords AS (
            SELECT string_agg(t.name, ' ') AS names
            FROM practices_taggedpractice tp JOIN taggit_tag t ON t.id = tp.tag_id
            WHERE tp.content_object_id = p.id
        ), lists AS (
            SELECT string_agg(item, ' ') AS texts
            FROM (
                SELECT jsonb_array_elements_text(p.goals) AS item
                UNION ALL SELECT jsonb_array_elements_text(p.success_factors)
            ) items
        )
        SELECT setweight(to_tsvector('databank_dutch', coalesce(p.title, '')), 'A')
            || setweight(to_tsvector('databank_simple', coalesce(p.title, '')), 'A')
            || setweight(to_tsvector('databank_dutch', coalesce(p.summary, '')), 'B')
            || setweight(to_tsvector('databank_dutch', concat_ws(' ',
                   p.description, lists.texts, places.texts, places.names, keywords.names)), 'C')
            || setweight(to_tsvector('databank_simple', concat_ws(' ',
                   places.names, keywords.names)), 'C')
        FROM places, keywords, lists
    $$;
    """,
    "UPDATE practices_practice p SET search_vector = practices_search_document(p);",
]


class Migration(migrations.Migration):
    dependencies = [("practices", "0011_dutch_dictionary")]

    operations = [
        migrations.RunPython(run_on_postgresql(FORWARD_SQL), run_on_postgresql(BACKWARD_SQL)),
    ]
