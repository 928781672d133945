"""Word packages built for tests: valid but unusual ones (a Default-declared main part, Strict, altChunk) and
damaged ones python-docx trips on (two core properties, relationships to missing parts), from a python-docx file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MAIN_OVERRIDE = f'<Override PartName="/word/document.xml" ContentType="{MAIN}"/>'
XML_DEFAULT = '<Default Extension="xml" ContentType="application/xml"/>'
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RELS_END = "</Relationships>"
STRICT = (  # transitional URI → Strict URI, longest first (ISO/IEC 29500-1:2016, the Strict schemas)
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
     "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"),
    ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
)


def members_of(*texts: str) -> dict[str, bytes]:
    """Return the members of a .docx python-docx writes with these paragraphs."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zipped(members: dict[str, bytes]) -> bytes:
    """Return the bytes of a zip of these members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write(path: Path, members: dict[str, bytes]) -> Path:
    """Write members as a zip at path and return the path."""
    path.write_bytes(zipped(members))
    return path


def edited(members: dict[str, bytes], name: str, old: str, new: str) -> dict[str, bytes]:
    """Return members with one occurrence of old replaced by new in one member."""
    text = members[name].decode()
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
    return members | {name: text.replace(old, new).encode()}


def with_relationship(members: dict[str, bytes], rels: str, rel_id: str, kind: str, target: str) -> dict[str, bytes]:
    """Return members with one more relationship in a .rels part."""
    relationship = f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"/>'
    return edited(members, rels, RELS_END, relationship + RELS_END)


def default_declared(*texts: str) -> dict[str, bytes]:
    """Return a .docx whose main part is declared by a Default for .xml, as docxodus writes them."""
    members = edited(members_of(*texts), "[Content_Types].xml", MAIN_OVERRIDE, "")
    return edited(members, "[Content_Types].xml", XML_DEFAULT, f'<Default Extension="xml" ContentType="{MAIN}"/>')


def renamed_main(*texts: str) -> dict[str, bytes]:
    """Return a .docx whose main part is doc/body.xml, found through _rels/.rels and declared by an Override."""
    members = members_of(*texts)
    members = edited(members, "[Content_Types].xml", MAIN_OVERRIDE, MAIN_OVERRIDE.replace("/word/document.xml",
                                                                                        "/word/body.xml"))
    members = edited(members, "_rels/.rels", 'Target="word/document.xml"', 'Target="/word/body.xml"')
    members["word/body.xml"] = members.pop("word/document.xml")
    members["word/_rels/body.xml.rels"] = members.pop("word/_rels/document.xml.rels")
    return members


def strict(*texts: str) -> dict[str, bytes]:
    """Return a .docx in ISO/IEC 29500 Strict: the transitional namespaces and relationship types replaced."""
    found = {}
    for name, data in members_of(*texts).items():
        if name.endswith((".xml", ".rels")):
            text = data.decode()
            for transitional, strict_uri in STRICT:
                text = text.replace(transitional, strict_uri)
            data = text.encode()
        found[name] = data
    return found


def alt_chunk(outer: dict[str, bytes], chunk: bytes, name: str = "word/afchunk.dat",
              content_type: str = MAIN) -> dict[str, bytes]:
    """Return a .docx with an altChunk after its paragraphs: the part (declared by a Default for its extension)."""
    extension = name.rsplit(".", 1)[1]
    members = edited(outer, "word/document.xml", "<w:sectPr", '<w:altChunk r:id="rIdChunk"/><w:sectPr')
    members = edited(members, "[Content_Types].xml", XML_DEFAULT,
                     XML_DEFAULT + f'<Default Extension="{extension}" ContentType="{content_type}"/>')
    return with_relationship(members, "word/_rels/document.xml.rels", "rIdChunk", RT + "aFChunk", "/" + name) | {
        name: chunk}
