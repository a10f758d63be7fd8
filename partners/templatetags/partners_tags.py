"""Template helpers for the API documentation page."""

from django import template

register = template.Library()


@register.filter
def schema_summary(schema):
    """A short type label for a JSON Schema: "string", "array of object", "Image", "integer | null"."""
    if not isinstance(schema, dict):
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return " | ".join(schema_summary(item) for item in schema[key])
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        kind = " | ".join(kind)
    if "array" in kind and "items" in schema:
        kind = kind.replace("array", f"array of {schema_summary(schema['items'])}")
    if "enum" in schema:
        kind += " (" + ", ".join(str(value) for value in schema["enum"]) + ")"
    return kind
