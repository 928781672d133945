"""Opening a Word file that peacedraft did not write: every check a hostile .docx must pass first.

`open_word(path)` is the only way peacedraft reads an outside .docx. It reads the file once, checks those
bytes and hands the same bytes, in memory, to python-docx (so the file cannot change in between); handover.py
makes only the changes python-docx needs to read a valid package (a Strict document's namespaces, a dangling
relationship left out). A refusal is an `InputError` of one line, `<path>: <why>`. No header field a file can
fake is trusted: sizes are measured by decompressing, counts by counting.

The checks, cheapest first: the file's size; its magic bytes (an OLE file is named as encrypted or as a
legacy .doc; RTF, PDF, Flat OPC and other XML as what they are); the zip's records, names, methods and
encryption; the main part, found as python-docx finds it (the package's officeDocument relationship) and
declared a Word document by an Override or a Default content type; every member decompressed in chunks
against its cap and a ratio (zip bombs); every XML part in UTF-8 or BOM-marked UTF-16 with no markup
declaration at all (so no entities: no XXE, no billion laughs, even where python-docx's lxml parser keeps a
DTD); counts of elements, paragraphs and nesting. An embedded document (an altChunk .docx) passes the same
checks, its counts added to the outer file's; one inside it is counted, never opened. docs/import.md lists
each check with its refusal, and the limits (module constants) with their reasons.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass

from docx.document import Document
from lxml import etree

from agreements.wordimport.formats import ZIP_MAGIC, check_magic, named_by_mimetype
from agreements.wordimport.handover import MAX_DEPTH, SAFE_PARSER, open_package  # noqa: F401 - MAX_DEPTH is a limit
from agreements.wordimport.package import (ALT_CHUNK, CONTENT_TYPES, ContentTypes, Package, check_single, is_rels,
                                           main_part, read_content_types, read_relationships, shown)
from agreements.wordimport.refusal import Refused, one_line
from agreements.wordimport.strict import has_strict
from clauses.errors import InputError

MIB = 1 << 20
MAX_FILE_BYTES = 50 * MIB
MAX_MEMBERS = 1_000
MAX_TOTAL_BYTES = 100 * MIB
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1 * MIB
MAX_XML_PART_BYTES = 32 * MIB
MAX_XML_ELEMENTS = 1_000_000
MAX_PARAGRAPHS = 50_000

CHUNK = 1 << 16
CENTRAL_RECORD = b"PK\x01\x02"
MIMETYPE_BYTES = 256
ENCRYPTED_ZIP_FLAGS = 0x0001 | 0x0040
ENCODINGS = {"utf-8": {"utf-8", "utf8"}, "utf-16-le": {"utf-16", "utf-16le"}, "utf-16-be": {"utf-16", "utf-16be"}}
DECLARED = re.compile(rb"""\bencoding\s*=\s*["']([^"']*)["']""")
HEAD_CHARS = 512
DECLARATION = re.compile(r"<![A-Z]")
PARAGRAPH = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]()", re.ASCII)
DECLARATION_BYTES = re.compile(DECLARATION.pattern.encode())
PARAGRAPH_BYTES = re.compile(PARAGRAPH.pattern.encode())


@dataclass
class Totals:
    """What the checks counted so far in a file and the documents embedded in it: members, bytes, XML elements."""

    members: int = 0
    bytes: int = 0
    elements: int = 0


def open_word(path: str) -> Document:
    """Return the python-docx Document of a Word file from outside, once every check passed; else raise InputError."""
    try:
        data = _read_file(path)
        check_magic(data)
        return open_package(check_package(data, Totals()))
    except Refused as refusal:
        raise InputError(f"{path}: {refusal}", refusal.code) from None


def check_package(data: bytes, totals: Totals, embedded: bool = False) -> Package:
    """Return what a zip declares once all its members passed the checks, counting into totals; else raise Refused.

    embedded: the package is itself an embedded document, so its own embedded documents are counted, not opened.
    """
    with _open_zip(data, totals) as archive:
        members = _check_members(archive)
        package = Package(data, list(members), _content_types(archive, members, len(data), totals), [], "")
        package.xml.add(CONTENT_TYPES)
        for name in filter(is_rels, members):
            package.relationships += _relationships(archive, members[name], package, totals)
        package.main = main_part(package)
        check_single(package)
        _check_contents(archive, members, package, totals, embedded)
    return package


def _size(count: int) -> str:
    """Return a byte count as people read it: '50 MiB' for whole MiB, else '1,234 bytes'."""
    return f"{count // MIB} MiB" if count % MIB == 0 else f"{count:,} bytes"


def _read_file(path: str) -> bytes:
    """Return the bytes of a regular file no larger than MAX_FILE_BYTES."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise Refused("no such file", "PD-E010") from None
    except OSError as error:
        raise Refused(f"cannot read: {error.strerror}", "PD-E010") from None
    if stat.S_ISDIR(info.st_mode):
        raise Refused("a folder, not a Word file", "PD-E010")
    if not stat.S_ISREG(info.st_mode):
        raise Refused("not a regular file", "PD-E010")
    if info.st_size > MAX_FILE_BYTES:
        raise Refused(f"the file is {_size(info.st_size)}; the limit is {_size(MAX_FILE_BYTES)}", "PD-E083")
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise Refused(f"cannot read: {error.strerror}", "PD-E010") from None
    if len(data) > MAX_FILE_BYTES:
        raise Refused(f"the file grew past {_size(MAX_FILE_BYTES)} while being read", "PD-E083")
    return data


def _open_zip(data: bytes, totals: Totals) -> zipfile.ZipFile:
    """Return the zip of some bytes, once its central-directory records (zipfile's members, at most) are counted."""
    records = data.count(CENTRAL_RECORD)
    totals.members += records
    if records > MAX_MEMBERS:
        raise Refused(f"the zip has {records:,} members; the limit is {MAX_MEMBERS:,}", "PD-E083")
    if totals.members > MAX_MEMBERS:
        raise Refused(f"the zip and the documents embedded in it have {totals.members:,} members; the limit is "
                      f"{MAX_MEMBERS:,}", "PD-E083")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, struct.error) as error:
        raise Refused(f"a damaged or truncated Word file (not a readable zip: {one_line(error)})", "PD-E080") from None


def _check_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Return the zip's file members by name, refusing unsafe names, duplicates, encryption and odd compression."""
    members: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        name = info.filename
        if _unsafe_name(name):
            raise Refused(f"unsafe member name {name!r} (absolute, or with '..')", "PD-E086")
        if name in members:
            raise Refused(f"two members are named {shown(name)}", "PD-E086")
        if info.flag_bits & ENCRYPTED_ZIP_FLAGS:
            raise Refused(f"{shown(name)} is encrypted (a password-protected zip member)", "PD-E081")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Refused(f"{shown(name)} uses zip compression method {info.compress_type}; Word uses deflate", "PD-E086")
        if not info.is_dir():
            members[name] = info
    return members


def _unsafe_name(name: str) -> bool:
    """Return whether a member name is empty, absolute or climbs out with '..'."""
    parts = re.split(r"[/\\]", name)
    return not name or name[0] in "/\\" or re.match(r"[A-Za-z]:", name) is not None or ".." in parts


def _content_types(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], size: int,
                   totals: Totals) -> ContentTypes:
    """Return what [Content_Types].xml declares, read with the same caps and checks as every XML part."""
    if CONTENT_TYPES not in members:
        if "mimetype" in members:
            _, mimetype = _inflate(archive, members["mimetype"], MIMETYPE_BYTES, size, keep=True)
            if what := named_by_mimetype(bytes(mimetype[:MIMETYPE_BYTES])):
                raise Refused(f"not a Word document ({what})", "PD-E080")
        missing = CONTENT_TYPES if "word/document.xml" in members else "word/document.xml"
        raise Refused(f"not a Word document (a zip without {missing})", "PD-E080")
    return read_content_types(_parsed(CONTENT_TYPES, _read_xml(archive, members[CONTENT_TYPES], size, totals),
                                      "not a Word document"))


def _relationships(archive: zipfile.ZipFile, info: zipfile.ZipInfo, package: Package, totals: Totals) -> list:
    """Return the relationships of a .rels member, read with the caps and checks of every XML part."""
    data = _read_xml(archive, info, len(package.data), totals)
    _mark_xml(package, info.filename, data)
    return read_relationships(info.filename, _parsed(info.filename, data, "a damaged Word document"))


def _parsed(name: str, data: bytes | bytearray, what: str):
    """Return the root of a checked XML part, refusing one that is not well-formed."""
    try:
        return etree.fromstring(bytes(data), SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        raise Refused(f"{what} ({shown(name)} is not XML: {one_line(error)})", "PD-E080") from None


def _is_xml(name: str, types: ContentTypes) -> bool:
    """Return whether python-docx may parse a member as XML: by its name or its declared content type."""
    return name.lower().endswith((".xml", ".rels")) or types.of(name).lower().endswith("xml")


def _check_contents(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], package: Package,
                    totals: Totals, embedded: bool) -> None:
    """Decompress every member not yet read within the caps, and check every XML part and embedded document."""
    chunks = {item.part for item in package.relationships if item.type == ALT_CHUNK and item.part in members}
    size = len(package.data)
    for name, info in members.items():
        if name in package.xml:
            continue
        if name in chunks:
            package.chunks[name] = _check_chunk(archive, info, size, totals, embedded)
        elif _is_xml(name, package.types):
            _mark_xml(package, name, _read_xml(archive, info, size, totals))
        else:
            _count(info.filename, _inflate(archive, info, MAX_TOTAL_BYTES - totals.bytes, size, keep=False)[0],
                   MAX_TOTAL_BYTES, totals)


def _mark_xml(package: Package, name: str, data: bytes | bytearray) -> None:
    """Note a member as checked XML, and as Strict when it names Strict's namespaces."""
    package.xml.add(name)
    if has_strict(data):
        package.strict.add(name)


def _check_chunk(archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int, totals: Totals, embedded: bool) -> bool:
    """Return whether an altChunk part is a zip, checking an embedded document like a file (one level deep only).

    A chunk is not parsed as XML by anyone (HTML is skipped when read), so it gets no XML check. An embedded
    document that is not a Word document is skipped when read; one that is unsafe refuses the file.
    """
    count, data = _inflate(archive, info, MAX_TOTAL_BYTES - totals.bytes, size, keep=not embedded)
    _count(info.filename, count, MAX_TOTAL_BYTES, totals)
    if embedded or not data.startswith(ZIP_MAGIC):
        return False
    try:
        check_package(bytes(data), totals, embedded=True)
    except Refused as refusal:
        if refusal.code != "PD-E080":
            raise Refused(f"{shown(info.filename)} (an embedded document): {refusal}", refusal.code) from None
    return True


def _read_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int, totals: Totals) -> bytearray:
    """Return an XML member's bytes once its size, encoding, DTD, paragraphs and elements passed, counted in totals."""
    name = info.filename
    count, data = _inflate(archive, info, min(MAX_XML_PART_BYTES, MAX_TOTAL_BYTES - totals.bytes), size, keep=True)
    _count(name, count, MAX_XML_PART_BYTES, totals)
    elements = _check_xml(name, data)
    totals.elements += elements
    if elements > MAX_XML_ELEMENTS:
        raise Refused(f"{shown(name)} has {elements:,} XML elements; the limit is {MAX_XML_ELEMENTS:,}", "PD-E085")
    if totals.elements > MAX_XML_ELEMENTS:
        raise Refused(f"the XML parts have more than {MAX_XML_ELEMENTS:,} elements together; "
                      f"the limit is {MAX_XML_ELEMENTS:,}", "PD-E085")
    return data


def _count(name: str, count: int, part_limit: int, totals: Totals) -> None:
    """Add a member's decompressed size to the totals, refusing it past the room left or its own limit."""
    if totals.bytes + count > MAX_TOTAL_BYTES:
        raise Refused(f"the zip expands to more than {_size(MAX_TOTAL_BYTES)}; the limit is "
                      f"{_size(MAX_TOTAL_BYTES)} for all members together", "PD-E083")
    if count > part_limit:
        raise _too_large(name)
    totals.bytes += count


def _too_large(name: str) -> Refused:
    """Return the refusal of an XML part that expands past MAX_XML_PART_BYTES."""
    limit = _size(MAX_XML_PART_BYTES)
    return Refused(f"{shown(name)} expands to more than {limit}; the limit is {limit} for an XML part", "PD-E083")


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, size: int,
             keep: bool) -> tuple[int, bytearray]:
    """Return a member's decompressed size and (when kept) bytes, read in chunks and stopped just past limit."""
    compressed = max(1, min(info.compress_size, size))
    kept, count = bytearray(), 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                count += len(chunk)
                if count > RATIO_FLOOR_BYTES and count > MAX_RATIO * compressed:
                    raise Refused(f"{shown(info.filename)} expands more than {MAX_RATIO} times its compressed "
                                   "size (a zip bomb)", "PD-E083")
                if keep:
                    kept += chunk
                if count > limit:
                    break
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise Refused(f"not a Word document (a damaged zip member {shown(info.filename)}: "
                       f"{one_line(error)})", "PD-E080") from None
    return count, kept


def _check_xml(name: str, data: bytes | bytearray) -> int:
    """Return the number of elements of an XML part, refusing other encodings, any DTD and too many paragraphs."""
    codec = _encoding(name, data)
    if codec == "utf-8":
        text: bytes | bytearray | str = data
        declaration, paragraph, marks = DECLARATION_BYTES, PARAGRAPH_BYTES, (b"<", b"</", b"<?", b"<!")
    else:
        try:
            text = data[2:].decode(codec)
        except UnicodeDecodeError:
            raise Refused(f"{shown(name)} is not valid UTF-16", "PD-E084") from None
        declaration, paragraph, marks = DECLARATION, PARAGRAPH, ("<", "</", "<?", "<!")
    if declaration.search(text):
        raise Refused(f"{shown(name)} declares a DTD or entities (<!DOCTYPE, <!ENTITY): refused", "PD-E084")
    opening, closing, instructions, other = (text.count(mark) for mark in marks)
    elements = opening - closing - instructions - other
    if elements > MAX_XML_ELEMENTS:
        return elements
    paragraphs = len(paragraph.findall(text))
    if paragraphs > MAX_PARAGRAPHS:
        raise Refused(f"{shown(name)} has {paragraphs:,} paragraphs; the limit is {MAX_PARAGRAPHS:,}", "PD-E085")
    return elements


def _encoding(name: str, data: bytes | bytearray) -> str:
    """Return the codec libxml2 will read an XML part with: UTF-8, or UTF-16 after a byte-order mark; else refuse."""
    unsupported = f"{shown(name)} is not XML in UTF-8, or in UTF-16 with a byte-order mark"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise Refused(unsupported, "PD-E084")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        head = data[2:2 + 2 * HEAD_CHARS].decode(codec, "replace").encode("ascii", "replace")
    else:
        codec = "utf-8"
        head = data[3:3 + HEAD_CHARS] if data.startswith(codecs.BOM_UTF8) else data[:HEAD_CHARS]
        if not head or head[:1] not in b"< \t\r\n" or b"\0" in head[:4]:
            raise Refused(unsupported, "PD-E084")
    declared = _declared_encoding(name, head)
    if declared is not None and declared.lower() not in ENCODINGS[codec]:
        raise Refused(f"{shown(name)} declares the encoding {declared!r}; only UTF-8, or UTF-16 with a "
                       "byte-order mark, is read", "PD-E084")
    return codec


def _declared_encoding(name: str, head: bytes | bytearray) -> str | None:
    """Return the encoding an XML declaration at the start names, None when it names none."""
    if not head.startswith(b"<?xml"):
        return None
    end = head.find(b"?>")
    if end < 0:
        raise Refused(f"{shown(name)} has an XML declaration longer than {HEAD_CHARS} characters", "PD-E084")
    declared = DECLARED.search(head[:end])
    return declared.group(1).decode("ascii", "replace") if declared else None
