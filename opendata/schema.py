"""Additions to the OpenAPI schema that drf-spectacular cannot see from the views."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
DESCRIPTIONS = {
    "404": "Niet gevonden: een fiche die niet (meer) gepubliceerd is, of een pagina te ver.",
    "429": "Te veel verzoeken van dit adres; probeer het later opnieuw (zie Retry-After).",
}


def document_errors(result, generator, request, public):
    """Every operation can answer 404 (an unknown sheet, a page past the last one) and 429
    (the throttle), both as {"detail": "..."}."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for code, description in DESCRIPTIONS.items():
                operation["responses"].setdefault(
                    code,
                    {
                        "description": description,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return result
