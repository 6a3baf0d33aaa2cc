"""The SQL of practices_facet_keys (the facet index, migration 0004), for the migrations that
extend it. Values with fixed choices (provinces, evidence levels) are numbered by their place
in the list a migration passes: a migration freezes its list, as it freezes its models."""


def _numbered(column, values):
    return " ".join(f"WHEN '{value}' THEN {number}" for number, value in enumerate(values))


def facet_keys_sql(provinces, evidence_levels=None, life_statuses=None, cost_bands=None):
    evidence = (
        f"""
            UNION ALL
            SELECT 8000000000000 + CASE p.evidence_level {_numbered("p.evidence_level", evidence_levels)} END
        """
        if evidence_levels
        else ""
    )
    if life_statuses:
        evidence += f"""
            UNION ALL
            SELECT 9000000000000 + CASE p.life_status {_numbered("p.life_status", life_statuses)} END
        """
    if cost_bands:
        evidence += f"""
            UNION ALL
            SELECT 10000000000000 + CASE p.cost_band {_numbered("p.cost_band", cost_bands)} END
        """
    return f"""
    CREATE OR REPLACE FUNCTION practices_facet_keys(p practices_practice) RETURNS bigint[]
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
            SELECT 4000000000000 + CASE m.province {_numbered("m.province", provinces)} END
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
            {evidence}
        )
    $$;
    """
