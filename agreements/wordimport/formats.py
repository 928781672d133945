"""What a file that is not a Word document is, from its first bytes, a zip's `mimetype` or a main part's content type."""

from __future__ import annotations

import codecs
import re
import struct

from agreements.wordimport.refusal import Refused

MAGIC = (
    (b"{\\rtf", "an RTF file: save it as .docx"),
    (b"%PDF-", "a PDF file"),
)
XML_KINDS = (  # what an XML file names near its start, and what it is
    (b"http://schemas.microsoft.com/office/2006/xmlpackage", "a Flat OPC XML file: save it as .docx"),
    (b"http://schemas.microsoft.com/office/word/2003/wordml", "a Word 2003 XML document: save it as .docx"),
    (b"urn:oasis:names:tc:opendocument", "an OpenDocument flat XML file: save it as .docx"),
    (b"<html", "an HTML file: save it as .docx"),
)
MIME_VERSION = re.compile(rb"(?:^|\n)mime-version\s*:", re.IGNORECASE)
OPEN_DOCUMENT = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text (.odt): save it as .docx",
    "application/vnd.oasis.opendocument.text-template": "an OpenDocument text template (.ott): save it as .docx",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (.odp)",
    "application/epub+zip": "an EPUB book",
}
OTHER_MAINS = (
    ("wordprocessingml.template", "a Word template (.dotx): save it as a .docx document"),
    ("ms-word.template", "a macro-enabled Word template (.dotm): save it as a .docx document"),
    ("ms-word.document.macroenabled", "a macro-enabled Word document (.docm): save it as .docx"),
    ("spreadsheetml", "not a Word document (a spreadsheet)"),
    ("ms-excel", "not a Word document (a spreadsheet)"),
    ("presentationml", "not a Word document (a presentation)"),
    ("ms-powerpoint", "not a Word document (a presentation)"),
)
HEAD_BYTES = 4096
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_ENTRY = 128
OLE_HITS = 64


def check_magic(data: bytes) -> None:
    """Refuse anything whose first bytes are not those of a zip, naming what it is when known."""
    if not data:
        raise Refused("not a Word document (an empty file)", "PD-E080")
    if data.startswith(ZIP_MAGIC):
        return
    if data.startswith(OLE_MAGIC):
        if _has_ole_entry(data, "EncryptedPackage") or _has_ole_entry(data, "EncryptionInfo"):
            raise Refused("password-protected: save it without a password", "PD-E081")
        if _has_ole_entry(data, "WordDocument"):
            raise Refused("a legacy Word 97-2003 .doc: save it as .docx", "PD-E082")
        raise Refused("not a Word document (an Office 97-2003 file that is not a Word .doc)", "PD-E080")
    raise Refused(f"not a Word document ({_named_by_start(data)})", "PD-E080")


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


def _named_by_start(data: bytes) -> str:
    """Return what a file that is not a zip nor an Office 97-2003 file is, from its first bytes."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            return what
    head = _text_head(data)
    start = head.lstrip()
    if start.startswith(b"<"):
        lowered = start.lower()
        for mark, what in XML_KINDS:
            if mark in lowered:
                return what
        return "an XML file" if start.startswith((b"<?xml", b"<!--")) else "not a zip file"
    if MIME_VERSION.search(start) and b"multipart/related" in start.lower():
        return "a web archive (.mht): save it as .docx"
    return "not a zip file"


def _text_head(data: bytes) -> bytes:
    """Return the first few kilobytes of a file as ASCII-ish bytes (UTF-16 decoded after its byte-order mark)."""
    head = data[:HEAD_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        return head[2:].decode(codec, "replace").encode("ascii", "replace")
    return head.removeprefix(codecs.BOM_UTF8)


def named_by_mimetype(mimetype: bytes) -> str | None:
    """Return what a zip with a `mimetype` member is (an OpenDocument file, an EPUB book), None when unknown."""
    declared = mimetype.strip().decode("ascii", "replace")
    if declared in OPEN_DOCUMENT:
        return OPEN_DOCUMENT[declared]
    if declared.startswith("application/vnd.oasis.opendocument."):
        return "an OpenDocument file: save it as .docx"
    return None


def other_main(content_type: str) -> str | None:
    """Return the refusal of a main part of another Office kind (a spreadsheet, a .docm …), None for any other type."""
    lowered = content_type.lower()
    if not lowered.endswith("main+xml"):
        return None
    return next((message for fragment, message in OTHER_MAINS if fragment in lowered), None)
