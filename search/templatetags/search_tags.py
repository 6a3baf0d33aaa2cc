from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


FACET_OPTION = (
    '<div class="facet__option">\n'
    '      <input type="checkbox" id="f-{0}-{1}" name="{0}" value="{2}"{3}>\n'
    '      <label for="f-{0}-{1}">{4} <span class="count">({5})</span></label>\n'
    "    </div>\n    "
)


CHECKED = mark_safe(" checked")  # a constant


@register.simple_tag
def facet_options(group):
    """A facet's checkboxes (search/_facets.html). Written here rather than as a loop in
    the template: a search page has about a hundred, and the template engine took 1.3 ms
    for them, this 0.2 ms. Everything is escaped by format_html."""
    return format_html_join(
        "",
        FACET_OPTION,
        (
            (
                group.param,
                number,
                value.key,
                CHECKED if value.selected else "",
                value.name,
                value.count,
            )
            for number, value in enumerate(group.values, start=1)
        ),
    )
