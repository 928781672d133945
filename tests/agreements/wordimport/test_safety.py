"""open_word refuses hostile Word files quickly and in little memory, and opens real ones.

Every hostile file is built here, in tmp_path: zip bombs are raw deflate streams made of one
compressed block repeated, so a 200 MiB member costs a few hundred kilobytes and milliseconds.
"""

from __future__ import annotations

import functools
import os
import random
import struct
import subprocess
import sys
import time
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from agreements.render.docx.render import render_docx
from agreements.drafts import load_agreement
from clauses.errors import InputError
from agreements.wordimport.formats import OLE_MAGIC
from agreements.wordimport.safety import open_word

ROOT = Path(__file__).resolve().parents[3]
MIB = 1 << 20
SECONDS = 2.0  # CPU seconds to refuse or open a hostile file (the slowest takes about 0.25 s)
MEMORY = 200 * MIB
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOC_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
DOC_TAIL = "</w:body></w:document>"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{target}"/></Relationships>'
)


def content_types(*overrides: tuple[str, str]) -> bytes:
    """Return a [Content_Types].xml with the usual defaults and the given (part, content type) overrides."""
    items = "".join(f'<Override PartName="/{part}" ContentType="{kind}"/>' for part, kind in overrides)
    return ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{items}</Types>').encode()


def word_parts(document: bytes | str) -> dict[str, bytes]:
    """Return the members of a minimal .docx around a word/document.xml (bytes, or a body to wrap)."""
    body = document if isinstance(document, bytes) else (DOC_HEAD + document + DOC_TAIL).encode()
    return {"[Content_Types].xml": content_types(("word/document.xml", MAIN)),
            "_rels/.rels": RELS.format(target="word/document.xml").encode(), "word/document.xml": body}


def write_zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write members into a zip with zipfile and return its path."""
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", method) as archive:
        warnings.simplefilter("ignore")  # duplicate names are written on purpose
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def raw_zip(path: Path, entries: list[dict]) -> Path:
    """Write a zip byte by byte: each entry's name, data and method, with crc, sizes and flags as given (may lie)."""
    local, central = bytearray(), bytearray()
    for entry in entries:
        name, data = entry["name"].encode(), entry["data"]
        fields = (entry.get("flags", 0), entry.get("method", 8), 0, 0x21, entry.get("crc", zlib.crc32(data)),
                  entry.get("csize", len(data)), entry["size"], len(name))
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, *fields, 0, 0, 0, 0, 0, len(local)) + name
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, *fields, 0) + name + data
    count = min(len(entries), 0xFFFF)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), len(local), 0)
    path.write_bytes(bytes(local + central + end))
    return path


@functools.lru_cache
def deflated(pieces: tuple[tuple[bytes, int], ...], crc_too: bool = True) -> tuple[bytes, int, int]:
    """Return a raw deflate stream of each piece repeated so many times, its CRC-32 (or 0) and its size."""
    stream, crc, size = [], 0, 0
    for piece, times in pieces:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        stream.append((packer.compress(piece) + packer.flush(zlib.Z_FULL_FLUSH)) * times)
        for _ in range(times if crc_too else 0):
            crc = zlib.crc32(piece, crc)
        size += len(piece) * times
    return b"".join(stream) + b"\x03\x00", crc, size


def deflated_entry(name: str, pieces: tuple[tuple[bytes, int], ...], crc_too: bool = True, **lies) -> dict:
    """Return a raw_zip entry holding a repeated deflate stream, with honest headers unless lies override them."""
    stream, crc, size = deflated(pieces, crc_too)
    return {"name": name, "data": stream, "crc": crc, "size": size} | lies


def noisy(length: int, seed: int, letters: int = 2048) -> bytes:
    """Return some random letters then spaces up to length (2 KiB of letters in 64 KiB compress about 30 times)."""
    return bytes(random.Random(seed).choices(b"abcdefghijklmnopqrstuvwxyz", k=letters)).ljust(length, b" ")


def runs_entry(name: str, head: str, thousands: int, tail: str) -> dict:
    """Return a raw_zip entry: head, thousands of empty elements with random letters between, tail (ratio < 100)."""
    piece = (b"<w:r/>" * 1000) + noisy(300, 0, 300)
    return deflated_entry(name, ((head.encode(), 1), (piece, thousands), (tail.encode(), 1)))


def compound_file(streams: list[str]) -> bytes:
    """Return a minimal OLE compound file (one FAT sector, one directory sector) listing the named streams."""
    header = bytearray(b"\xff" * 512)
    header[:0x4C] = bytes(0x4C)
    header[:8] = OLE_MAGIC
    struct.pack_into("<5H", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<3L", header, 0x2C, 1, 1, 0)
    struct.pack_into("<5L", header, 0x38, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<L", header, 0x4C, 0)
    fat = struct.pack("<128L", 0xFFFFFFFD, 0xFFFFFFFE, *[0xFFFFFFFF] * 126)
    names = ["Root Entry", *streams]
    entries = b"".join(_ole_entry(name, index, len(names)) for index, name in enumerate(names))
    return bytes(header) + fat + entries.ljust(512, b"\0")


def _ole_entry(name: str, index: int, count: int) -> bytes:
    """Return one 128-byte directory entry: the root's child is entry 1, each stream's right sibling the next."""
    encoded = name.encode("utf-16-le") + b"\0\0"
    kind, child = (5, 1) if index == 0 else (2, 0xFFFFFFFF)
    right = index + 1 if 0 < index < count - 1 else 0xFFFFFFFF
    return struct.pack("<64sHBB3L16sL8s8sLQ", encoded, len(encoded), kind, 1, 0xFFFFFFFF, right, child,
                       bytes(16), 0, bytes(8), bytes(8), 0xFFFFFFFE, 0)


def utf16(text: str) -> bytes:
    """Return text in UTF-16LE after a byte-order mark."""
    return b"\xff\xfe" + text.encode("utf-16-le")


XXE = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       + f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'.encode())
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1 or "") + ";") * 10}">' for n in range(1, 10))
          + f']><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
ZEROS = ((bytes(MIB), 200),)
DTD_REFUSED = "declares a DTD or entities (<!DOCTYPE, <!ENTITY): refused"
NOT_ENCODED = "is not XML in UTF-8, or in UTF-16 with a byte-order mark"


def _sparse(path: Path, size: int) -> Path:
    """Return a sparse file of the given size (no disk is used)."""
    with open(path, "wb") as stream:
        stream.truncate(size)
    return path


def _bytes(data: bytes) -> Callable[[Path], Path]:
    """Return a builder that writes these bytes."""

    def build(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return build


def _folder(path: Path) -> Path:
    """Return a new folder named like a Word file."""
    path.mkdir()
    return path


def _shell() -> dict[str, bytes]:
    """Return the members of a minimal .docx but its word/document.xml."""
    parts = word_parts("")
    del parts["word/document.xml"]
    return parts


def _huge_document(path: Path) -> Path:
    """Return a .docx whose document.xml expands to 1 GiB, 92 times its compressed size (its CRC-32 is left 0)."""
    head, tail = (DOC_HEAD + "<w:p><w:r><w:t>").encode(), ("</w:t></w:r></w:p>" + DOC_TAIL).encode()
    pieces = ((head, 1), (noisy(64 * 1024, 1, 900), 16 * 1024), (tail, 1))
    entry = deflated_entry("word/document.xml", pieces, crc_too=False)
    return _with_members(path, _shell(), [entry])


def _with_members(path: Path, parts: dict[str, bytes], extra: list[dict]) -> Path:
    """Return a raw zip of stored parts followed by extra raw entries."""
    stored = [{"name": name, "data": data, "method": 0, "size": len(data)} for name, data in parts.items()]
    return raw_zip(path, stored + extra)


def _many_records(path: Path, count: int) -> Path:
    """Return a zip with one small member and `count` central-directory records pointing at it."""
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, 0, 0, 0, 1, 0) + b"a"
    record = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0x21, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0) + b"a"
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, len(record) * count, len(local), 0)
    path.write_bytes(local + record * count + end)
    return path


def _nested(levels: int) -> str:
    """Return a document body whose paragraph holds elements nested that many levels deep."""
    return "<w:p><w:r>" + "<w:x>" * levels + "</w:x>" * levels + "</w:r></w:p>"


# id: (build(path) -> path, the message after "<path>: ")
HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda p: p, "no such file"),
    "folder": (_folder, "a folder, not a Word file"),
    "too-large-file": (lambda p: _sparse(p, 60 * MIB), "the file is 60 MiB; the limit is 50 MiB"),
    "empty": (lambda p: _sparse(p, 0), "not a Word document (an empty file)"),
    "text": (_bytes(b"Article 1. The war is over.\n"), "not a Word document (not a zip file)"),
    "pdf": (_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"), "not a Word document (a PDF file)"),
    "rtf": (_bytes(b"{\\rtf1\\ansi Article 1.}"), "not a Word document (an RTF file: save it as .docx)"),
    "password-protected": (_bytes(compound_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])),
                           "password-protected: save it without a password"),
    "legacy-doc": (_bytes(compound_file(["WordDocument", "1Table", "\x05SummaryInformation"])),
                   "a legacy Word 97-2003 .doc: save it as .docx"),
    "legacy-xls": (_bytes(compound_file(["Workbook"])),
                   "not a Word document (an Office 97-2003 file that is not a Word .doc)"),
    "damaged-zip": (_bytes(b"PK\x03\x04" + bytes(100)),
                    "a damaged or truncated Word file (not a readable zip: File is not a zip file)"),
    "plain-zip": (lambda p: write_zip(p, {"notes.txt": b"hello"}),
                  "not a Word document (a zip without word/document.xml)"),
    "no-content-types": (lambda p: write_zip(p, {"word/document.xml": (DOC_HEAD + DOC_TAIL).encode()}),
                         "not a Word document (a zip without [Content_Types].xml)"),
    "no-document": (lambda p: write_zip(p, {"[Content_Types].xml": content_types(), "word/other.xml": b"<x/>"}),
                    "not a Word document (a zip without word/document.xml)"),
    "spreadsheet": (lambda p: write_zip(p, {"[Content_Types].xml": content_types(
        ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
        "xl/workbook.xml": b"<workbook/>"}), "not a Word document (a spreadsheet)"),
    "presentation": (lambda p: write_zip(p, {"[Content_Types].xml": content_types(
        ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")),
        "ppt/presentation.xml": b"<presentation/>"}), "not a Word document (a presentation)"),
    "macro-enabled": (lambda p: write_zip(p, word_parts("") | {"[Content_Types].xml": content_types(
        ("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"))}),
        "a macro-enabled Word document (.docm): save it as .docx"),
    "too-many-members": (lambda p: write_zip(p, word_parts("") | {f"word/media/{n}.bin": b"" for n in range(998)}),
                         "the zip has 1,001 members; the limit is 1,000"),
    "600k-records": (lambda p: _many_records(p, 600_000), "the zip has 600,000 members; the limit is 1,000"),
    "dotdot-name": (lambda p: write_zip(p, word_parts("") | {"../../evil.xml": b"<x/>"}),
                    "unsafe member name '../../evil.xml' (absolute, or with '..')"),
    "absolute-name": (lambda p: write_zip(p, word_parts("") | {"/etc/cron.d/evil": b"x"}),
                      "unsafe member name '/etc/cron.d/evil' (absolute, or with '..')"),
    "drive-name": (lambda p: write_zip(p, word_parts("") | {"C:\\evil.xml": b"x"}),
                   "unsafe member name 'C:\\\\evil.xml' (absolute, or with '..')"),
    "duplicate-name": (lambda p: _with_members(p, word_parts(""), [
        {"name": "word/document.xml", "data": XXE, "method": 0, "size": len(XXE)}]),
        "two members are named word/document.xml"),
    "encrypted-member": (lambda p: _with_members(p, {}, [{"name": n, "data": d, "method": 0, "size": len(d),
                                                          "flags": 1 if n == "word/document.xml" else 0}
                                                         for n, d in word_parts("<w:p/>").items()]),
                         "word/document.xml is encrypted (a password-protected zip member)"),
    "bzip2-member": (lambda p: write_zip(p, word_parts("<w:p/>"), zipfile.ZIP_BZIP2),
                     "[Content_Types].xml uses zip compression method 12; Word uses deflate"),
    "zip-bomb": (lambda p: _with_members(p, word_parts("<w:p/>"), [deflated_entry("word/media/zeros.bin", ZEROS)]),
                 "word/media/zeros.bin expands more than 200 times its compressed size (a zip bomb)"),
    "bomb-claims-4-GiB": (lambda p: _with_members(p, word_parts("<w:p/>"), [
        deflated_entry("word/media/zeros.bin", ZEROS, size=0xFFFFFFFE, csize=0x7FFFFFFF)]),
        "word/media/zeros.bin expands more than 200 times its compressed size (a zip bomb)"),
    "bomb-claims-1-KiB": (lambda p: _with_members(p, word_parts("<w:p/>"), [
        deflated_entry("word/document2.xml", ZEROS, size=1024)]),
        "not a Word document (a damaged zip member word/document2.xml: Bad CRC-32 for file 'word/document2.xml')"),
    "total-over-100-MiB": (lambda p: _with_members(p, word_parts("<w:p/>"), [
        deflated_entry(f"word/media/image{n}.bin", ((noisy(64 * 1024, n), 880),)) for n in (1, 2)]),
        "the zip expands to more than 100 MiB; the limit is 100 MiB for all members together"),
    "document-xml-of-1-GiB": (_huge_document,
                              "word/document.xml expands to more than 32 MiB; the limit is 32 MiB for an XML part"),
    "xxe": (lambda p: write_zip(p, word_parts(XXE)), f"word/document.xml {DTD_REFUSED}"),
    "billion-laughs": (lambda p: write_zip(p, word_parts(LAUGHS.encode())), f"word/document.xml {DTD_REFUSED}"),
    "utf16-doctype": (lambda p: write_zip(p, word_parts(utf16(LAUGHS.replace('"1.0"', '"1.0" encoding="UTF-16"')))),
                      f"word/document.xml {DTD_REFUSED}"),
    "utf16-without-bom": (lambda p: write_zip(p, word_parts((DOC_HEAD + DOC_TAIL).encode("utf-16-le"))),
                          f"word/document.xml {NOT_ENCODED}"),
    "utf7-doctype": (lambda p: write_zip(p, word_parts(b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x '
                                                       b'+AFs-+ADw-!ENTITY x SYSTEM +ACI-file:///etc/passwd+ACI-+AD4-'
                                                       b'+AF0-+AD4-<x>&x;</x>')),
                     ("word/document.xml declares the encoding 'UTF-7'; only UTF-8, or UTF-16 with a byte-order "
                      "mark, is read")),
    "doctype-in-content-types": (lambda p: write_zip(p, word_parts("") | {"[Content_Types].xml": content_types(
        ("word/document.xml", MAIN)).replace(b"?><Types", b"?><!DOCTYPE Types [<!ENTITY a 'b'>]><Types")}),
        f"[Content_Types].xml {DTD_REFUSED}"),
    "doctype-in-styles-bin": (lambda p: write_zip(p, word_parts("") | {
        "[Content_Types].xml": content_types(("word/document.xml", MAIN), ("word/styles.bin", STYLES)),
        "word/styles.bin": XXE}), f"word/styles.bin {DTD_REFUSED}"),
    "too-many-paragraphs": (lambda p: write_zip(p, word_parts("<w:p/>" * 50_001)),
                            "word/document.xml has 50,001 paragraphs; the limit is 50,000"),
    "paragraphs-other-prefix": (lambda p: write_zip(p, word_parts(
        f'<?xml version="1.0"?><x:document xmlns:x="{W}"><x:body>{"<x:p>a</x:p>" * 60_000}</x:body></x:document>'
        .encode())), "word/document.xml has 60,000 paragraphs; the limit is 50,000"),
    "too-many-elements": (lambda p: _with_members(p, _shell(), [
        runs_entry("word/document.xml", DOC_HEAD + "<w:p>", 1000, "<w:r/></w:p>" + DOC_TAIL)]),
        "word/document.xml has 1,000,004 XML elements; the limit is 1,000,000"),
    "elements-in-all": (lambda p: _with_members(p, word_parts(""), [
        runs_entry(f"word/part{n}.xml", f'<w:styles xmlns:w="{W}">', 600, "</w:styles>") for n in (1, 2)]),
        "the XML parts have more than 1,000,000 elements together; the limit is 1,000,000"),
    "too-deep": (lambda p: write_zip(p, word_parts(_nested(300))),
                 "XML nested deeper than 256 levels; the limit is 256"),
    "main-part-missing": (lambda p: write_zip(p, {"[Content_Types].xml": content_types(("word/document.xml", MAIN)),
                                                  "word/other.xml": b"<x/>"}),
                          "not a Word document (a zip without word/document.xml)"),
}


@pytest.fixture(params=sorted(HOSTILE), name="hostile")
def hostile_file(request, tmp_path) -> tuple[str, str]:
    """Return the path of one hostile file, built now, and the exact message it must be refused with."""
    build, message = HOSTILE[request.param]
    path = str(build(tmp_path / f"{request.param}.docx"))
    return path, f"{path}: {message}"


def test_hostile_file_is_refused_quickly(hostile):
    path, message = hostile
    start = time.process_time()
    with pytest.raises(InputError) as caught:
        open_word(path)
    elapsed = time.process_time() - start
    assert str(caught.value) == message
    assert elapsed < SECONDS, f"refused after {elapsed:.2f} s of CPU"


CHILD = """
import re, sys, time
from pathlib import Path
from clauses.errors import InputError
from agreements.wordimport.safety import open_word
start = time.process_time()
try:
    document = open_word(sys.argv[1])
    print("opened with", len(document.paragraphs), "paragraphs")
except InputError as error:
    print(error)
print(time.process_time() - start)
print(int(re.search(r"VmHWM:\\s*(\\d+) kB", Path("/proc/self/status").read_text()).group(1)) * 1024)
"""
LINUX = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc")


def open_in_child(path: str) -> tuple[str, float, int]:
    """Return what open_word said in a fresh process, its CPU seconds, and that process's peak resident bytes.

    The peak is the child's own VmHWM: getrusage's ru_maxrss of a child also counts the parent's
    resident memory at fork, so it would measure pytest rather than the check.
    """
    done = subprocess.run([sys.executable, "-c", CHILD, path], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    said, seconds, peak = done.stdout.rstrip("\n").rsplit("\n", 2)
    return said, float(seconds), int(peak)


@LINUX
def test_hostile_file_is_refused_in_little_memory(hostile):
    path, message = hostile
    said, seconds, peak = open_in_child(path)
    assert said == message
    assert seconds < SECONDS
    assert peak < MEMORY, f"peak resident memory {peak / MIB:.0f} MiB"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_refused(tmp_path):
    path = write_zip(tmp_path / "locked.docx", word_parts("<w:p/>"))
    path.chmod(0)
    with pytest.raises(InputError) as caught:
        open_word(str(path))
    assert str(caught.value) == f"{path}: cannot read: Permission denied"


def python_docx_file(path: Path, text: str) -> Path:
    """Write a .docx with python-docx holding one paragraph and return its path."""
    document = docx.Document()
    document.add_paragraph(text)
    document.save(path)
    return path


def test_python_docx_file_opens(tmp_path):
    path = python_docx_file(tmp_path / "real.docx", "제1조 전쟁 상태의 종식")
    assert [paragraph.text for paragraph in open_word(str(path)).paragraphs] == ["제1조 전쟁 상태의 종식"]


def test_peacedraft_render_opens(tmp_path):
    agreement = load_agreement(str(ROOT / "agreements" / "examples" / "round-2.yaml"))
    path = tmp_path / "round-2.docx"
    path.write_bytes(render_docx(agreement, "en"))
    paragraphs = [paragraph.text for paragraph in open_word(str(path)).paragraphs]
    assert len(paragraphs) > 20
    assert any("Armistice" in text for text in paragraphs)


def test_utf16_part_with_bom_opens(tmp_path):
    with zipfile.ZipFile(python_docx_file(tmp_path / "source.docx", "UTF-16 text")) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    xml = members["word/document.xml"].decode().replace("encoding='UTF-8'", "encoding='UTF-16'")
    path = write_zip(tmp_path / "utf16.docx", members | {"word/document.xml": utf16(xml)})
    assert [paragraph.text for paragraph in open_word(str(path)).paragraphs] == ["UTF-16 text"]


@pytest.mark.parametrize(("members", "paragraphs"), [(0, 50_000), (997, 1)])
def test_a_document_at_the_limits_opens(tmp_path, members, paragraphs):
    extra = {f"word/media/{n}.bin": b"" for n in range(members)}
    path = write_zip(tmp_path / "limits.docx", word_parts("<w:p/>" * paragraphs) | extra)
    assert len(open_word(str(path)).paragraphs) == paragraphs


@LINUX
def test_a_zip_bomb_inside_stays_closed(tmp_path):
    inner = raw_zip(tmp_path / "inner.zip", [deflated_entry("zeros.bin", ZEROS)]).read_bytes()
    path = write_zip(tmp_path / "nested.docx", word_parts("<w:p/>") | {"word/embeddings/inner.zip": inner},
                     zipfile.ZIP_STORED)
    said, seconds, peak = open_in_child(str(path))
    assert said == "opened with 1 paragraphs"
    assert seconds < SECONDS and peak < MEMORY
