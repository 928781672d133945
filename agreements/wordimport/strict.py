"""ISO/IEC 29500 Strict read as Transitional: its namespaces and relationship types mapped onto the transitional ones.

A Strict document names the same elements in other namespaces (http://purl.oclc.org/ooxml/…) and its
relationships by other types; python-docx knows only the transitional ones (http://schemas.openxmlformats.org/…).
The URIs are replaced in the bytes of every XML part (namespace declarations and the URIs some attributes hold, such
as a:graphicData/@uri) and in the Type of every relationship, before python-docx sees them; everything else is kept
byte for byte. A part without a Strict URI is returned as it is.
"""

from __future__ import annotations

import codecs
import re

STRICT = "http://purl.oclc.org/ooxml/"
TRANSITIONAL = "http://schemas.openxmlformats.org/"
NAMESPACES = {
    "wordprocessingml/main": "wordprocessingml/2006/main",
    "officeDocument/relationships": "officeDocument/2006/relationships",
    "officeDocument/math": "officeDocument/2006/math",
    "officeDocument/extendedProperties": "officeDocument/2006/extended-properties",
    "officeDocument/customProperties": "officeDocument/2006/custom-properties",
    "officeDocument/docPropsVTypes": "officeDocument/2006/docPropsVTypes",
    "officeDocument/customXml": "officeDocument/2006/customXml",
    "officeDocument/sharedTypes": "officeDocument/2006/sharedTypes",
    "officeDocument/bibliography": "officeDocument/2006/bibliography",
    "officeDocument/characteristics": "officeDocument/2006/characteristics",
    "drawingml/main": "drawingml/2006/main",
    "drawingml/wordprocessingDrawing": "drawingml/2006/wordprocessingDrawing",
    "drawingml/picture": "drawingml/2006/picture",
    "drawingml/chart": "drawingml/2006/chart",
    "drawingml/chartDrawing": "drawingml/2006/chartDrawing",
    "drawingml/diagram": "drawingml/2006/diagram",
    "drawingml/lockedCanvas": "drawingml/2006/lockedCanvas",
    "drawingml/spreadsheetDrawing": "drawingml/2006/spreadsheetDrawing",
    "spreadsheetml/main": "spreadsheetml/2006/main",
    "presentationml/main": "presentationml/2006/main",
    "schemaLibrary/main": "schemaLibrary/2006/main",
}
RELATIONSHIP = "officeDocument/relationships/"
RELATIONSHIP_NAMES = {"extendedProperties": "extended-properties", "customProperties": "custom-properties"}
MARK = STRICT.encode()
URI = re.compile(r"(?<=[\"'])http://purl\.oclc\.org/ooxml/[A-Za-z0-9/]+(?=[\"'])")
TYPE = re.compile(r"(?<=\bType=[\"'])http://purl\.oclc\.org/ooxml/[A-Za-z0-9/]+(?=[\"'])")
URI_BYTES, TYPE_BYTES = re.compile(URI.pattern.encode()), re.compile(TYPE.pattern.encode())


def transitional_uri(uri: str) -> str:
    """Return the transitional form of a Strict namespace or relationship type; any other URI as it is."""
    if not uri.startswith(STRICT):
        return uri
    path = uri[len(STRICT):]
    if path in NAMESPACES:
        return TRANSITIONAL + NAMESPACES[path]
    if path.startswith(RELATIONSHIP):
        name = path[len(RELATIONSHIP):]
        return f"{TRANSITIONAL}officeDocument/2006/relationships/{RELATIONSHIP_NAMES.get(name, name)}"
    return uri


def transitional_part(name: str, data: bytes) -> bytes:
    """Return an XML part (UTF-8, or UTF-16 after a byte-order mark) with its Strict URIs made transitional.

    In a .rels part only the relationships' types are mapped: a target is a place, not a name.
    """
    rels = name.endswith(".rels")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        text = data[2:].decode(codec)
        return data[:2] + (TYPE if rels else URI).sub(_mapped, text).encode(codec) if STRICT in text else data
    if MARK not in data:
        return data
    return (TYPE_BYTES if rels else URI_BYTES).sub(lambda match: _mapped(match).encode(), data)


def _mapped(match: re.Match) -> str:
    """Return the transitional form of a matched URI (str or bytes)."""
    found = match.group(0)
    return transitional_uri(found.decode() if isinstance(found, bytes) else found)


def has_strict(data: bytes | bytearray) -> bool:
    """Return whether an XML part (UTF-8, or UTF-16 after a byte-order mark) names a Strict URI."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return STRICT.encode("utf-16-le") in data
    if data.startswith(codecs.BOM_UTF16_BE):
        return STRICT.encode("utf-16-be") in data
    return MARK in data
