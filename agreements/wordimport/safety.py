"""Opening a Word file that peacedraft did not write: every check a hostile .docx must pass first.

`open_word(path)` is the only way peacedraft reads an outside .docx. It reads the file once, checks those
bytes and hands the same bytes, in memory, to python-docx (so the file cannot change in between). A refusal
is an `InputError` of one line, `<path>: <why>`. No header field a file can fake is trusted: sizes are
measured by decompressing, counts by counting.

The checks, cheapest first: the file's size; its magic bytes (an OLE file is named as encrypted or as a
legacy .doc; RTF and PDF as what they are); the zip's records, names, methods and encryption, and a
declared Word main part; every member decompressed in chunks against its cap and a ratio (zip bombs);
every XML part in UTF-8 or BOM-marked UTF-16 with no markup declaration at all (so no entities: no XXE,
no billion laughs, even where python-docx's lxml parser keeps a DTD); and counts of elements, paragraphs
and nesting. docs/import.md lists each check with its refusal, and the limits (module constants) with
their reasons.
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
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import docx
from docx.document import Document
from lxml import etree

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
MAX_DEPTH = 256

CHUNK = 1 << 16
ZIP_MAGIC = b"PK\x03\x04"
CENTRAL_RECORD = b"PK\x01\x02"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_ENTRY = 128
OLE_HITS = 64
OTHER_FORMATS = (
    (b"{\\rtf", "not a Word document (an RTF file: save it as .docx)"),
    (b"%PDF-", "not a Word document (a PDF file)"),
)
CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OTHER_MAINS = (
    ("wordprocessingml.template", "a Word template (.dotx): save it as a .docx document"),
    ("ms-word.template", "a macro-enabled Word template (.dotm): save it as a .docx document"),
    ("ms-word.document.macroenabled", "a macro-enabled Word document (.docm): save it as .docx"),
    ("spreadsheetml", "not a Word document (a spreadsheet)"),
    ("ms-excel", "not a Word document (a spreadsheet)"),
    ("presentationml", "not a Word document (a presentation)"),
    ("ms-powerpoint", "not a Word document (a presentation)"),
)
ENCRYPTED_ZIP_FLAGS = 0x0001 | 0x0040
ENCODINGS = {"utf-8": {"utf-8", "utf8"}, "utf-16-le": {"utf-16", "utf-16le"}, "utf-16-be": {"utf-16", "utf-16be"}}
DECLARED = re.compile(rb"""\bencoding\s*=\s*["']([^"']*)["']""")
HEAD_CHARS = 512
DECLARATION = re.compile(r"<![A-Z]")
PARAGRAPH = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]()", re.ASCII)
DECLARATION_BYTES = re.compile(DECLARATION.pattern.encode())
PARAGRAPH_BYTES = re.compile(PARAGRAPH.pattern.encode())
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class _Refused(Exception):
    """A check failed; the message says why, without the file's name, and the code names the kind of failure."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


@dataclass
class _ContentTypes:
    """What [Content_Types].xml declares: content types by extension and by part name (lower case, no '/')."""

    defaults: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)

    def of(self, name: str) -> str:
        """Return the content type of a zip member, '' when none is declared."""
        extension = PurePosixPath(name).suffix[1:].lower()
        return self.overrides.get(name.lower(), self.defaults.get(extension, ""))


def open_word(path: str) -> Document:
    """Return the python-docx Document of a Word file from outside, once every check passed; else raise InputError."""
    try:
        data = _read_file(path)
        _check_magic(data)
        with _open_zip(data) as archive:
            members = _check_members(archive)
            types = _content_types(archive, members, len(data))
            _check_main_part(members, types)
            _check_contents(archive, members, types, len(data))
        return _parse(data)
    except _Refused as refusal:
        raise InputError(f"{path}: {refusal}", refusal.code) from None


def _size(count: int) -> str:
    """Return a byte count as people read it: '50 MiB' for whole MiB, else '1,234 bytes'."""
    return f"{count // MIB} MiB" if count % MIB == 0 else f"{count:,} bytes"


def _show(name: str) -> str:
    """Return a member name fit for a one-line message (quoted when it holds odd characters)."""
    return name if name.isprintable() and name.strip() == name and name else repr(name)


def _one_line(error: BaseException) -> str:
    """Return an exception's text on one line, at most 200 characters."""
    return " ".join(str(error).split())[:200]


def _read_file(path: str) -> bytes:
    """Return the bytes of a regular file no larger than MAX_FILE_BYTES."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise _Refused("no such file", "PD-E010") from None
    except OSError as error:
        raise _Refused(f"cannot read: {error.strerror}", "PD-E010") from None
    if stat.S_ISDIR(info.st_mode):
        raise _Refused("a folder, not a Word file", "PD-E010")
    if not stat.S_ISREG(info.st_mode):
        raise _Refused("not a regular file", "PD-E010")
    if info.st_size > MAX_FILE_BYTES:
        raise _Refused(f"the file is {_size(info.st_size)}; the limit is {_size(MAX_FILE_BYTES)}", "PD-E083")
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _Refused(f"cannot read: {error.strerror}", "PD-E010") from None
    if len(data) > MAX_FILE_BYTES:
        raise _Refused(f"the file grew past {_size(MAX_FILE_BYTES)} while being read", "PD-E083")
    return data


def _check_magic(data: bytes) -> None:
    """Refuse anything whose first bytes are not those of a zip, naming what it is when known."""
    if not data:
        raise _Refused("not a Word document (an empty file)", "PD-E080")
    if data.startswith(ZIP_MAGIC):
        return
    if data.startswith(OLE_MAGIC):
        if _has_ole_entry(data, "EncryptedPackage") or _has_ole_entry(data, "EncryptionInfo"):
            raise _Refused("password-protected: save it without a password", "PD-E081")
        if _has_ole_entry(data, "WordDocument"):
            raise _Refused("a legacy Word 97-2003 .doc: save it as .docx", "PD-E082")
        raise _Refused("not a Word document (an Office 97-2003 file that is not a Word .doc)", "PD-E080")
    for magic, message in OTHER_FORMATS:
        if data.startswith(magic):
            raise _Refused(message, "PD-E080")
    raise _Refused("not a Word document (not a zip file)", "PD-E080")


def _has_ole_entry(data: bytes, name: str) -> bool:
    """Return whether a compound file has a directory entry of that name (UTF-16LE, on a 128-byte boundary)."""
    encoded = name.encode("utf-16-le") + b"\0\0"
    length = struct.pack("<H", len(encoded))
    start = 0
    for _ in range(OLE_HITS):
        at = data.find(encoded, start)
        if at < 0:
            return False
        if at % OLE_ENTRY == 0 and data[at + 64: at + 66] == length:
            return True
        start = at + 1
    return False


def _open_zip(data: bytes) -> zipfile.ZipFile:
    """Return the zip of some bytes, once its central-directory records (zipfile's members, at most) are counted."""
    records = data.count(CENTRAL_RECORD)
    if records > MAX_MEMBERS:
        raise _Refused(f"the zip has {records:,} members; the limit is {MAX_MEMBERS:,}", "PD-E083")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, struct.error) as error:
        raise _Refused(f"not a Word document (a damaged zip file: {_one_line(error)})", "PD-E080") from None


def _check_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Return the zip's file members by name, refusing unsafe names, duplicates, encryption and odd compression."""
    members: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        name = info.filename
        if _unsafe_name(name):
            raise _Refused(f"unsafe member name {name!r} (absolute, or with '..')", "PD-E086")
        if name in members:
            raise _Refused(f"two members are named {_show(name)}", "PD-E086")
        if info.flag_bits & ENCRYPTED_ZIP_FLAGS:
            raise _Refused(f"{_show(name)} is encrypted (a password-protected zip member)", "PD-E081")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _Refused(f"{_show(name)} uses zip compression method {info.compress_type}; Word uses deflate", "PD-E086")
        if not info.is_dir():
            members[name] = info
    return members


def _unsafe_name(name: str) -> bool:
    """Return whether a member name is empty, absolute or climbs out with '..'."""
    parts = re.split(r"[/\\]", name)
    return not name or name[0] in "/\\" or re.match(r"[A-Za-z]:", name) is not None or ".." in parts


def _content_types(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], size: int) -> _ContentTypes:
    """Return what [Content_Types].xml declares, read with the same caps and checks as every XML part."""
    if CONTENT_TYPES not in members:
        missing = CONTENT_TYPES if "word/document.xml" in members else "word/document.xml"
        raise _Refused(f"not a Word document (a zip without {missing})", "PD-E080")
    count, data = _inflate(archive, members[CONTENT_TYPES], MAX_XML_PART_BYTES, size, keep=True)
    if count > MAX_XML_PART_BYTES:
        raise _too_large(CONTENT_TYPES)
    _check_xml(CONTENT_TYPES, data)
    try:
        root = etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        raise _Refused(f"not a Word document ({CONTENT_TYPES} is not XML: {_one_line(error)})", "PD-E080") from None
    types = _ContentTypes()
    for child in root:
        if child.tag == CT_NS + "Default":
            types.defaults[child.get("Extension", "").lower()] = child.get("ContentType", "")
        elif child.tag == CT_NS + "Override":
            types.overrides[child.get("PartName", "").lstrip("/").lower()] = child.get("ContentType", "")
    return types


def _check_main_part(members: dict[str, zipfile.ZipInfo], types: _ContentTypes) -> None:
    """Refuse a package whose main part is not a Word document, or is declared but missing."""
    mains = [part for part, content_type in types.overrides.items() if content_type == WORD_MAIN]
    if not mains:
        for content_type in types.overrides.values():
            lowered = content_type.lower()
            for fragment, message in OTHER_MAINS:
                if fragment in lowered and lowered.endswith("main+xml"):
                    raise _Refused(message, "PD-E080")
        if "word/document.xml" in members:
            raise _Refused(f"not a Word document ({CONTENT_TYPES} does not declare word/document.xml as one)", "PD-E080")
        raise _Refused("not a Word document (a zip without word/document.xml)", "PD-E080")
    names = {name.lower() for name in members}
    for part in mains:
        if part not in names:
            raise _Refused(f"not a Word document (a zip without {_show(part)})", "PD-E080")


def _is_xml(name: str, types: _ContentTypes) -> bool:
    """Return whether python-docx may parse a member as XML: by its name or its declared content type."""
    return name.lower().endswith((".xml", ".rels")) or types.of(name).lower().endswith("xml")


def _check_contents(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], types: _ContentTypes,
                    size: int) -> None:
    """Decompress every member within the caps, and check every XML part; refuse at the first limit passed."""
    total = elements = 0
    for name, info in members.items():
        xml = _is_xml(name, types)
        part_limit = MAX_XML_PART_BYTES if xml else MAX_TOTAL_BYTES
        room = MAX_TOTAL_BYTES - total
        count, data = _inflate(archive, info, min(part_limit, room), size, keep=xml)
        if count > room:
            raise _Refused(f"the zip expands to more than {_size(MAX_TOTAL_BYTES)}; the limit is "
                           f"{_size(MAX_TOTAL_BYTES)} for all members together", "PD-E083")
        if count > part_limit:
            raise _too_large(name)
        total += count
        if xml:
            part_elements = _check_xml(name, data)
            elements += part_elements
            if part_elements > MAX_XML_ELEMENTS:
                raise _Refused(f"{_show(name)} has {part_elements:,} XML elements; the limit is {MAX_XML_ELEMENTS:,}", "PD-E085")
            if elements > MAX_XML_ELEMENTS:
                raise _Refused(f"the XML parts have more than {MAX_XML_ELEMENTS:,} elements together; "
                               f"the limit is {MAX_XML_ELEMENTS:,}", "PD-E085")


def _too_large(name: str) -> _Refused:
    """Return the refusal of an XML part that expands past MAX_XML_PART_BYTES."""
    limit = _size(MAX_XML_PART_BYTES)
    return _Refused(f"{_show(name)} expands to more than {limit}; the limit is {limit} for an XML part", "PD-E083")


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
                    raise _Refused(f"{_show(info.filename)} expands more than {MAX_RATIO} times its compressed "
                                   "size (a zip bomb)", "PD-E083")
                if keep:
                    kept += chunk
                if count > limit:
                    break
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise _Refused(f"not a Word document (a damaged zip member {_show(info.filename)}: "
                       f"{_one_line(error)})", "PD-E080") from None
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
            raise _Refused(f"{_show(name)} is not valid UTF-16", "PD-E084") from None
        declaration, paragraph, marks = DECLARATION, PARAGRAPH, ("<", "</", "<?", "<!")
    if declaration.search(text):
        raise _Refused(f"{_show(name)} declares a DTD or entities (<!DOCTYPE, <!ENTITY): refused", "PD-E084")
    opening, closing, instructions, other = (text.count(mark) for mark in marks)
    elements = opening - closing - instructions - other
    if elements > MAX_XML_ELEMENTS:
        return elements
    paragraphs = len(paragraph.findall(text))
    if paragraphs > MAX_PARAGRAPHS:
        raise _Refused(f"{_show(name)} has {paragraphs:,} paragraphs; the limit is {MAX_PARAGRAPHS:,}", "PD-E085")
    return elements


def _encoding(name: str, data: bytes | bytearray) -> str:
    """Return the codec libxml2 will read an XML part with: UTF-8, or UTF-16 after a byte-order mark; else refuse."""
    unsupported = f"{_show(name)} is not XML in UTF-8, or in UTF-16 with a byte-order mark"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise _Refused(unsupported, "PD-E084")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        head = data[2:2 + 2 * HEAD_CHARS].decode(codec, "replace").encode("ascii", "replace")
    else:
        codec = "utf-8"
        head = data[3:3 + HEAD_CHARS] if data.startswith(codecs.BOM_UTF8) else data[:HEAD_CHARS]
        if not head or head[:1] not in b"< \t\r\n" or b"\0" in head[:4]:
            raise _Refused(unsupported, "PD-E084")
    declared = _declared_encoding(name, head)
    if declared is not None and declared.lower() not in ENCODINGS[codec]:
        raise _Refused(f"{_show(name)} declares the encoding {declared!r}; only UTF-8, or UTF-16 with a "
                       "byte-order mark, is read", "PD-E084")
    return codec


def _declared_encoding(name: str, head: bytes | bytearray) -> str | None:
    """Return the encoding an XML declaration at the start names, None when it names none."""
    if not head.startswith(b"<?xml"):
        return None
    end = head.find(b"?>")
    if end < 0:
        raise _Refused(f"{_show(name)} has an XML declaration longer than {HEAD_CHARS} characters", "PD-E084")
    declared = DECLARED.search(head[:end])
    return declared.group(1).decode("ascii", "replace") if declared else None


def _parse(data: bytes) -> Document:
    """Return python-docx's Document of checked bytes, turning any failure of the parser into a refusal."""
    try:
        return docx.Document(io.BytesIO(data))
    except MemoryError:
        raise
    except etree.XMLSyntaxError as error:
        if "Excessive depth" in str(error):
            raise _Refused(f"XML nested deeper than {MAX_DEPTH} levels; the limit is {MAX_DEPTH}", "PD-E085") from None
        raise _Refused(f"a damaged Word document (XML: {_one_line(error)})", "PD-E080") from None
    except Exception as error:  # noqa: BLE001 - python-docx reports a malformed package with many exception types
        raise _Refused(f"a damaged Word document ({type(error).__name__}: {_one_line(error)})", "PD-E080") from None
