from django import template

from submissions.dashboard import dashboard_items

register = template.Library()


@register.inclusion_tag("admin/_dashboard.html", takes_context=True)
def editors_dashboard(context):
    """The editors' to-do counts on the admin index (only for those who may moderate)."""
    user = context["request"].user
    if not user.has_perm("submissions.change_submission"):
        return {"items": []}
    return {"items": dashboard_items(user=user)}
