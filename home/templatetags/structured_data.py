"""`{% structured_data page %}`: schema.org JSON-LD for pages that describe themselves."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# JSON inside <script> must not be able to close the tag or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    method = getattr(page, "get_structured_data", None)
    if method is None:
        return ""
    data = method(context.get("request"))
    if not data:
        return ""
    payload = json.dumps(data, default=str)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload.translate(_SCRIPT_ESCAPES)))  # noqa: S308
