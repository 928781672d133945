"""Embedded documents (w:altChunk): the checked python-docx Document of an embedded .docx, or why one is not read.

Word shows an altChunk's content in place of the element. An embedded .docx was checked with the outer file
(safety.py: the same checks, its counts added to the file's); it is read here one level deep: a chunk inside
an embedded document is not read. HTML, MHT, RTF and text chunks are not read either.
"""

from __future__ import annotations

import weakref

from docx.document import Document
from docx.oxml.ns import qn

from agreements.wordimport.formats import ZIP_MAGIC
from agreements.wordimport.handover import open_package
from agreements.wordimport.package import ALT_CHUNK
from agreements.wordimport.refusal import Refused
from agreements.wordimport.safety import Totals, check_package

KINDS = (("html", "HTML"), ("rfc822", "web archive (MHT)"), ("mhtml", "web archive (MHT)"), ("rtf", "RTF"),
         ("text/plain", "text"), ("xml", "XML"))
EMBEDDED: weakref.WeakSet = weakref.WeakSet()  # the python-docx packages opened from a chunk


def embedded_document(document: Document, alt_chunk) -> tuple[Document | None, str | None]:
    """Return the checked Document a body's w:altChunk embeds, or None and a one-line note saying why it is not read."""
    if document.part.package in EMBEDDED:
        return None, "an embedded document inside an embedded document is not read"
    relationship = document.part.rels.get(alt_chunk.get(qn("r:id")) or "")
    if relationship is None or relationship.is_external or relationship.reltype != ALT_CHUNK:
        return None, "an embedded chunk whose part is missing is not read"
    part = relationship.target_part
    if not part.blob.startswith(ZIP_MAGIC):
        return None, f"an embedded {chunk_kind(part.content_type, part.blob)} chunk is not read"
    try:
        nested = open_package(check_package(part.blob, Totals(), embedded=True))
    except Refused as refusal:
        return None, f"an embedded package is not read: {refusal}"
    EMBEDDED.add(nested.part.package)
    return nested, None


def chunk_kind(content_type: str, blob: bytes) -> str:
    """Return what a chunk that is not a zip holds, in words ('HTML', 'RTF' …), by its content type or first bytes."""
    lowered = content_type.lower()
    for fragment, kind in KINDS:
        if fragment in lowered:
            return kind
    head = blob[:512].lstrip().lower()
    if head.startswith(b"{\\rtf"):
        return "RTF"
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return "HTML"
    return "unknown"
