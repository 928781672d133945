"""The check of an Akoma Ntoso export against the official 3.0 XML Schema shipped with peacedraft, never fetched."""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from agreements.render.akn_meta import AKN_NS
from clauses.errors import OutputError

SCHEMA_FOLDER = Path(__file__).resolve().parent / "schema"
SCHEMA_FILE = "akomantoso30.xsd"
LOCAL_SCHEMAS = ("xml.xsd",)


class LocalSchemas(etree.Resolver):
    """Resolves the schemas Akoma Ntoso imports (xml.xsd, by any address) to the copies shipped with peacedraft."""

    def resolve(self, url, public_id, context):
        """Return the shipped file for a known schema name, else None (so nothing is fetched)."""
        name = (url or "").rstrip("/").rsplit("/", 1)[-1]
        if name in LOCAL_SCHEMAS:
            return self.resolve_filename(str(SCHEMA_FOLDER / name), context)
        return None


def load_schema(path: Path = SCHEMA_FOLDER / SCHEMA_FILE) -> etree.XMLSchema:
    """Return the Akoma Ntoso 3.0 XML Schema, its imports resolved locally and network access refused."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(LocalSchemas())
    return etree.XMLSchema(etree.parse(str(path), parser))


@functools.cache
def shipped_schema() -> etree.XMLSchema:
    """Return the shipped Akoma Ntoso 3.0 XML Schema, loaded once."""
    return load_schema()


def check_akn(data: bytes, name: str) -> None:
    """Raise OutputError (one line, naming the file) unless data is valid against the Akoma Ntoso 3.0 schema."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    schema = shipped_schema()
    if schema.validate(etree.fromstring(data, parser)):
        return
    error = schema.error_log[0]
    message = " ".join(error.message.split()).replace(f"{{{AKN_NS}}}", "")
    raise OutputError(f"{name}: not valid Akoma Ntoso 3.0 (line {error.line}): {message}", "PD-E090")
