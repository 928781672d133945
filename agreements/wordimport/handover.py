"""Handing a checked package to python-docx: the few changes it needs to read a valid package, then its Document.

python-docx reads only transitional namespaces, follows every internal relationship (a missing target raises),
needs a content type for every part it reaches, and parses a part as XML by its declared type. So, in the bytes
it is given (never in the file): a Strict document's URIs are made transitional; a relationship whose target is
missing is left out (one whose target differs only in case points at the member); a part reached without a
content type is declared as bytes; a styles, numbering, settings, comments, header, footer or properties part
checked as XML but declared otherwise is declared as what it is; an altChunk part is declared as bytes (an
embedded .docx as a Word package), never as XML. A package needing none of this is handed over as it is.
"""

from __future__ import annotations

import io
import weakref
import zipfile

import docx
from docx.document import Document
from docx.opc.part import PartFactory
from lxml import etree

from agreements.wordimport.package import (CONTENT_TYPES, CT_NS, OFFICE_RT, RELS_NS, SINGLE,
                                           WORD, WORD_PACKAGE, Package, read_relationships)
from agreements.wordimport.refusal import Refused, one_line
from agreements.wordimport.strict import transitional_part

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
MAX_DEPTH = 256
BYTES = "application/octet-stream"
DECLARED_AS = {kind: content_type for kind, (_, content_type) in SINGLE.items()
               if content_type in PartFactory.part_type_for} | {
    OFFICE_RT + "header": WORD + "header+xml", OFFICE_RT + "footer": WORD + "footer+xml"}
STYLES = OFFICE_RT + "styles"
NOTES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # python-docx package → what opening it noted


def open_package(package: Package) -> Document:
    """Return python-docx's Document of a checked package, after the changes it needs; else raise Refused."""
    data, notes = handed_over(package)
    document = parse(data)
    NOTES[document.part.package] = notes
    return document


def opening_notes(document: Document) -> list[str]:
    """Return what opening a Word file noted that a reader should know (a missing styles part), else []."""
    return list(NOTES.get(document.part.package, []))


def handed_over(package: Package) -> tuple[bytes, list[str]]:
    """Return the bytes python-docx is given for a checked package, and what was noted in making them."""
    with zipfile.ZipFile(io.BytesIO(package.data)) as archive:
        edits = {name: transitional_part(name, archive.read(name)) for name in package.strict}
        notes: list[str] = []
        for rels in sorted({item.rels for item in package.relationships if _needs_edit(package, item)}):
            edits[rels], missing = _edited_rels(package, rels, edits.get(rels) or archive.read(rels))
            notes += [f"the styles part {part} is missing: styles are known by their ids only" for part in missing]
        declared = _declarations(package)
        if declared:
            edits[CONTENT_TYPES] = _declared(edits.get(CONTENT_TYPES) or archive.read(CONTENT_TYPES), declared)
        if not edits:
            return package.data, notes
        written = io.BytesIO()
        with zipfile.ZipFile(written, "w", zipfile.ZIP_STORED) as target:
            for name in package.members:
                target.writestr(name, edits[name] if name in edits else archive.read(name))
    return written.getvalue(), notes


def _needs_edit(package: Package, item) -> bool:
    """Return whether python-docx could not follow a relationship as written (its target missing, or no id or type)."""
    if item.external:
        return False
    return not (item.id and item.type and item.part in package.names)


def _edited_rels(package: Package, rels: str, data: bytes) -> tuple[bytes, list[str]]:
    """Return a .rels part without the relationships python-docx cannot follow, and the styles parts left out."""
    root = etree.fromstring(data, SAFE_PARSER)
    members = {name.lower(): name for name in package.members}
    missing = []
    for child, item in zip([child for child in root if child.tag == RELS_NS + "Relationship"],
                           read_relationships(rels, root)):
        if not _needs_edit(package, item):
            continue
        if item.id and item.type and item.part and item.part.lower() in members:
            child.set("Target", "/" + members[item.part.lower()])
            continue
        root.remove(child)
        if item.type == STYLES:
            missing.append(item.part or "")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), missing


def _declarations(package: Package) -> dict[str, str]:
    """Return the content types to declare for parts python-docx would otherwise misread or not find."""
    members = {name.lower(): name for name in package.members}
    declared = {}
    for item in package.relationships:
        part = members.get((item.part or "").lower()) if not item.external else None
        if part is None or part in package.chunks:
            continue
        current = package.types.of(part)
        wanted = DECLARED_AS.get(item.type)
        if wanted and current != wanted and part in package.xml:
            declared[part] = wanted
        elif not current:
            declared[part] = BYTES
    for part, is_zip in package.chunks.items():
        current = package.types.of(part)
        if is_zip and current != WORD_PACKAGE:
            declared[part] = WORD_PACKAGE
        elif not is_zip and (not current or current in PartFactory.part_type_for):
            declared[part] = BYTES
    return declared


def _declared(data: bytes, declared: dict[str, str]) -> bytes:
    """Return [Content_Types].xml with an Override for each part given (replacing any it had)."""
    root = etree.fromstring(data, SAFE_PARSER)
    for child in list(root):
        if child.tag == CT_NS + "Override" and child.get("PartName", "").lstrip("/").lower() in \
                {part.lower() for part in declared}:
            root.remove(child)
    for part, content_type in sorted(declared.items()):
        etree.SubElement(root, CT_NS + "Override", PartName="/" + part, ContentType=content_type)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def parse(data: bytes) -> Document:
    """Return python-docx's Document of checked bytes, turning any failure of the parser into a refusal."""
    try:
        return docx.Document(io.BytesIO(data))
    except MemoryError:
        raise
    except etree.XMLSyntaxError as error:
        if "Excessive depth" in str(error):
            raise Refused(f"XML nested deeper than {MAX_DEPTH} levels; the limit is {MAX_DEPTH}", "PD-E085") from None
        raise Refused(f"a damaged Word document (XML: {one_line(error)})", "PD-E080") from None
    except Exception as error:  # noqa: BLE001 - python-docx reports a malformed package with many exception types
        raise Refused(f"a damaged Word document ({type(error).__name__}: {one_line(error)})", "PD-E080") from None

