from django.db import migrations

from practices.postgres import run_on_postgresql

# The facet values of every practice in one narrow row, for counting facets on PostgreSQL
# (practices/filters.py, count_facets_indexed). A key is the facet's number times 10^12 plus
# the value's id (for provinces: their place in Municipality.Province):
#   1 category, 2 target group, 3 municipality, 4 province, 5 policy domain, 6 action, 7 tag.
# Counting all 100,000 practices of the benchmark: 560 ms over the link tables, 65 ms here.
# Triggers keep it current, like the search vector (migration 0002).
FORWARD_SQL = [
    """
    CREATE TABLE practices_facetindex (
        -- No foreign key: Django empties tables with TRUNCATE, which a reference would refuse.
        -- The triggers below remove the row with its practice.
        practice_id bigint PRIMARY KEY,
        published boolean NOT NULL,
        keys bigint[] NOT NULL
    );
    CREATE INDEX practices_facetindex_keys ON practices_facetindex USING gin (keys);
    """,
    """
    CREATE FUNCTION practices_facet_keys(p practices_practice) RETURNS bigint[]
    LANGUAGE sql STABLE AS $$
        SELECT ARRAY(
            SELECT 1000000000000 + p.category_id WHERE p.category_id IS NOT NULL
            UNION ALL
            SELECT 2000000000000 + t.targetgroup_id
            FROM practices_practice_target_groups t WHERE t.practice_id = p.id
            UNION ALL
            SELECT 3000000000000 + l.municipality_id
            FROM practices_practicelocation l
            WHERE l.practice_id = p.id AND l.municipality_id IS NOT NULL
            UNION
            SELECT 4000000000000 + CASE m.province
                WHEN 'antwerpen' THEN 0 WHEN 'limburg' THEN 1 WHEN 'oost-vlaanderen' THEN 2
                WHEN 'vlaams-brabant' THEN 3 WHEN 'west-vlaanderen' THEN 4 WHEN 'brussel' THEN 5
            END
            FROM practices_practicelocation l
            JOIN practices_municipality m ON m.id = l.municipality_id
            WHERE l.practice_id = p.id AND m.province <> ''
            UNION ALL
            SELECT 5000000000000 + d.policydomain_id
            FROM practices_practice_policy_domains d WHERE d.practice_id = p.id
            UNION ALL
            SELECT 6000000000000 + a.action_id
            FROM practices_practice_actions a WHERE a.practice_id = p.id
            UNION ALL
            SELECT 7000000000000 + g.tag_id
            FROM practices_taggedpractice g WHERE g.content_object_id = p.id
        )
    $$;
    CREATE FUNCTION practices_refresh_facets(practice_ids bigint[]) RETURNS void
    LANGUAGE sql AS $$
        INSERT INTO practices_facetindex (practice_id, published, keys)
        SELECT p.id, p.status = 'published', practices_facet_keys(p)
        FROM practices_practice p WHERE p.id = ANY(practice_ids)
        ON CONFLICT (practice_id)
        DO UPDATE SET published = EXCLUDED.published, keys = EXCLUDED.keys;
    $$;
    """,
    # Places, tags and municipalities feed the search vector and the facets both.
    """
    CREATE OR REPLACE FUNCTION practices_refresh_search(practice_ids bigint[]) RETURNS void
    LANGUAGE sql AS $$
        UPDATE practices_practice p SET search_vector = practices_search_document(p)
        WHERE p.id = ANY(practice_ids);
        SELECT practices_refresh_facets(practice_ids);
    $$;
    DROP TRIGGER practices_municipality_search ON practices_municipality;
    CREATE TRIGGER practices_municipality_search
        AFTER UPDATE OF name, province ON practices_municipality
        FOR EACH ROW EXECUTE FUNCTION practices_related_search_trigger();
    """,
    """
    CREATE FUNCTION practices_facet_trigger() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_TABLE_NAME = 'practices_practice' AND TG_OP = 'TRUNCATE' THEN
            TRUNCATE practices_facetindex;
        ELSIF TG_TABLE_NAME = 'practices_practice' AND TG_OP = 'DELETE' THEN
            DELETE FROM practices_facetindex WHERE practice_id = OLD.id;
        ELSIF TG_TABLE_NAME = 'practices_practice' THEN
            PERFORM practices_refresh_facets(ARRAY[NEW.id]);
        ELSE
            PERFORM practices_refresh_facets(ARRAY(
                SELECT unnest(ARRAY[
                    CASE WHEN TG_OP <> 'DELETE' THEN NEW.practice_id END,
                    CASE WHEN TG_OP <> 'INSERT' THEN OLD.practice_id END])));
        END IF;
        RETURN NULL;
    END $$;
    CREATE TRIGGER practices_practice_facets
        AFTER INSERT OR UPDATE OF status, category_id OR DELETE ON practices_practice
        FOR EACH ROW EXECUTE FUNCTION practices_facet_trigger();
    CREATE TRIGGER practices_practice_facets_truncate
        AFTER TRUNCATE ON practices_practice
        FOR EACH STATEMENT EXECUTE FUNCTION practices_facet_trigger();
    CREATE TRIGGER practices_target_groups_facets
        AFTER INSERT OR UPDATE OR DELETE ON practices_practice_target_groups
        FOR EACH ROW EXECUTE FUNCTION practices_facet_trigger();
    CREATE TRIGGER practices_policy_domains_facets
        AFTER INSERT OR UPDATE OR DELETE ON practices_practice_policy_domains
        FOR EACH ROW EXECUTE FUNCTION practices_facet_trigger();
    CREATE TRIGGER practices_actions_facets
        AFTER INSERT OR UPDATE OR DELETE ON practices_practice_actions
        FOR EACH ROW EXECUTE FUNCTION practices_facet_trigger();
    """,
    "SELECT practices_refresh_facets(ARRAY(SELECT id FROM practices_practice));",
]
BACKWARD_SQL = [
    "DROP TRIGGER IF EXISTS practices_actions_facets ON practices_practice_actions;",
    "DROP TRIGGER IF EXISTS practices_policy_domains_facets ON practices_practice_policy_domains;",
    "DROP TRIGGER IF EXISTS practices_target_groups_facets ON practices_practice_target_groups;",
    "DROP TRIGGER IF EXISTS practices_practice_facets ON practices_practice;",
    "DROP TRIGGER IF EXISTS practices_practice_facets_truncate ON practices_practice;",
    "DROP FUNCTION IF EXISTS practices_facet_trigger();",
    """
    CREATE OR REPLACE FUNCTION practices_refresh_search(practice_ids bigint[]) RETURNS void
    LANGUAGE sql AS $$
        UPDATE practices_practice p SET search_vector = practices_search_document(p)
        WHERE p.id = ANY(practice_ids);
    $$;
    """,
    "DROP FUNCTION IF EXISTS practices_refresh_facets(bigint[]), "
    "practices_facet_keys(practices_practice);",
    "DROP TABLE IF EXISTS practices_facetindex;",
]



class Migration(migrations.Migration):
    dependencies = [("practices", "0003_search_storage")]

    operations = [
        migrations.RunPython(run_on_postgresql(FORWARD_SQL), run_on_postgresql(BACKWARD_SQL)),
    ]
