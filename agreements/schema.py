"""JSON Schema of draft files, generated from the models, for editors and other tools."""

from __future__ import annotations

from agreements.model import Agreement

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def draft_schema() -> dict:
    """Return the JSON Schema that a YAML draft file conforms to."""
    schema = Agreement.model_json_schema(mode="validation")
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": "https://peacedraft.invalid/schema/draft-1.json",
        **schema,
        "title": "peacedraft draft",
        "description": "A draft peace agreement: metadata, parties, bodies, zones, preamble and a tree of typed clauses.",
    }
