"""Any committed write to the content makes the next request fresh, whatever made it: the
admin, a service, a management command, a data fix in the shell, a queryset's update() or
raw SQL through Django's connection.

Every database connection runs its statements through `watch`: a statement that writes a
table of the content (the practices app's, and taggit's keywords) asks for the content
version to be replaced once its transaction commits (practices.content_cache), once per
transaction. Statements are only looked at, never changed; a rolled-back write changes
nothing and replaces nothing."""

import re

from django.db import transaction

from practices.content_cache import content_changed

# The sheets, their keywords, the dossiers that gather them (shown on the home page and the
# sheets) and the assessments of their evidence are the content whose change a cached page
# must not outlive.
CONTENT_WRITE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(?:practices_|taggit_|dossiers_|evidence_)'
    r"(?!facetindex)",
    re.IGNORECASE,
)


def watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if CONTENT_WRITE.match(sql):
        connection = context["connection"]
        already = any(entry[1] is content_changed for entry in connection.run_on_commit)
        if not already:
            transaction.on_commit(content_changed, using=connection.alias)
    return result


def watch_connection(sender, connection, **kwargs):
    """connection_created: from now on this connection's writes are watched."""
    if watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch)
