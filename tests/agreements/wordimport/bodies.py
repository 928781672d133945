"""Word documents built from a body written in WordprocessingML, with footnotes, endnotes and comments parts.

`word_bytes(body, footnotes=…, endnotes=…, comments=…)` writes the .docx (python-docx's default template with
the given body); `word_document(…)` opens it again, so every part is of the class python-docx gives it on open.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml

REAL_DOCX = Path(__file__).resolve().parents[4] / "shared" / "reference" / "real-docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:v="urn:schemas-microsoft-com:vml" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
PARTS = {"footnotes": ("/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES),
         "endnotes": ("/word/endnotes.xml", CT.WML_ENDNOTES, RT.ENDNOTES),
         "comments": ("/word/comments.xml", CT.WML_COMMENTS, RT.COMMENTS)}


def p(text: str, style: str | None = None, mark: str | None = None) -> str:
    """Return a paragraph of one run; style: a style id; mark: 'del' or 'ins' for a tracked paragraph mark."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if mark:
        properties += f'<w:rPr><w:{mark} w:id="90" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr>'
    return f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{r(text)}</w:p>"


def r(text: str) -> str:
    """Return a run of text."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""


def deleted(text: str) -> str:
    """Return a run of text deleted with tracked changes."""
    return (f'<w:del w:id="91" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>{text}</w:delText></w:r>'
            "</w:del>")


def table(*rows: list[str], header: bool = False) -> str:
    """Return a table whose cells hold the given paragraphs' XML (a plain string is one paragraph's text)."""
    def cell(content: str) -> str:
        return f"<w:tc>{content if content.startswith('<') else p(content)}</w:tc>"

    def row(cells: list[str], first: bool) -> str:
        properties = "<w:trPr><w:tblHeader/></w:trPr>" if header and first else ""
        return f"<w:tr>{properties}{''.join(cell(content) or '<w:tc><w:p/></w:tc>' for content in cells)}</w:tr>"

    return f"<w:tbl>{''.join(row(cells, index == 0) for index, cells in enumerate(rows))}</w:tbl>"


def notes_part(kind: str, notes: dict[str, str]) -> str:
    """Return a footnotes or endnotes part: Word's separator notes, then the given notes by id."""
    tag = kind[:-1]
    separators = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
                  f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                  f"</w:p></w:{tag}>")
    written = "".join(f'<w:{tag} w:id="{note_id}"><w:p><w:r><w:{tag}Ref/></w:r>{r(" " + text)}</w:p></w:{tag}>'
                      for note_id, text in notes.items())
    return f'<w:{kind} xmlns:w="{W}">{separators}{written}</w:{kind}>'


def comments_part(comments: dict[str, tuple[str, ...]]) -> str:
    """Return a comments part of (author, text) or (author, text, initials) by id."""
    written = "".join(f'<w:comment w:id="{comment_id}" w:author="{author}" w:initials="{(*more, "X")[0]}"><w:p>'
                      f"{r(text)}</w:p></w:comment>" for comment_id, (author, text, *more) in comments.items())
    return f'<w:comments xmlns:w="{W}">{written}</w:comments>'


def word_bytes(body: str, footnotes: dict[str, str] | None = None, endnotes: dict[str, str] | None = None,
               comments: dict[str, tuple[str, ...]] | None = None) -> bytes:
    """Return a .docx whose body is the given blocks' XML, with the given notes and comments parts."""
    document = docx.Document()
    element = document.element.body
    section = element.sectPr
    for child in list(element):
        element.remove(child)
    for child in parse_xml(f"<w:body {NAMESPACES}>{body}</w:body>"):
        element.append(child)
    element.append(section)
    written = {"footnotes": footnotes and notes_part("footnotes", footnotes),
               "endnotes": endnotes and notes_part("endnotes", endnotes),
               "comments": comments and comments_part(comments)}
    for kind, xml in written.items():
        if xml:
            name, content_type, relationship = PARTS[kind]
            part = Part(PackURI(name), content_type, xml.encode("utf-8"), document.part.package)
            document.part.relate_to(part, relationship)
    target = io.BytesIO()
    document.save(target)
    return target.getvalue()


def word_document(body: str, **parts) -> docx.document.Document:
    """Return the python-docx Document of word_bytes(body, **parts), opened again."""
    return docx.Document(io.BytesIO(word_bytes(body, **parts)))
