"""The one module that writes raw Word XML: runs and fonts, numbering, fields, comments' dates, properties, zip."""

from __future__ import annotations

import copy
import datetime
import functools
import io
import re
import zipfile
from dataclasses import dataclass

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser

from clauses.languages import DEFAULT_LANGUAGE, Language, language

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
LATIN_FONT = "Times New Roman"


@functools.cache
def _tag(tag: str) -> tuple[str, dict]:
    """Return the Clark name and namespace map of a prefixed tag."""
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


_make = oxml_parser.makeelement


@functools.cache
def _attribute(name: str) -> str:
    """Return the Clark name of a w: attribute."""
    return qn(f"w:{name}")


def element(tag: str, **attributes: str):
    """Return a new Word XML element (of python-docx's classes) with w: attributes."""
    clark, nsmap = _tag(tag)
    node = _make(clark, nsmap=nsmap)
    for name, value in attributes.items():
        node.set(_attribute(name), value)
    return node


@functools.cache
def _run_properties_model(lang: str, bold: bool, italic: bool):
    """Return the shared w:rPr that run_properties copies."""
    return _build_run_properties(lang, bold, italic)


def run_properties(lang: str, bold: bool = False, italic: bool = False):
    """Return w:rPr for text in a language: Latin and East Asian fonts, and the language tags."""
    return copy.deepcopy(_run_properties_model(lang, bold, italic))


def _build_run_properties(lang: str, bold: bool, italic: bool):
    """Build w:rPr for text in a language."""
    words = language(lang)
    properties = element("w:rPr")
    fonts = element("w:rFonts", ascii=LATIN_FONT, hAnsi=LATIN_FONT)
    if words.east_asian_font:
        fonts.set(qn("w:eastAsia"), words.east_asian_font)
        fonts.set(qn("w:hint"), "eastAsia")
    properties.append(fonts)
    if bold:
        properties.append(element("w:b"))
    if italic:
        properties.append(element("w:i"))
    properties.append(language_tags(words))
    return properties


def language_tags(words: Language):
    """Return w:lang: an East Asian language's tag as eastAsia beside the default language's for Latin text."""
    if not words.east_asian_font:
        return element("w:lang", val=words.tag)
    return element("w:lang", val=language(DEFAULT_LANGUAGE).tag, eastAsia=words.tag)


def run(text: str, lang: str, bold: bool = False, italic: bool = False):
    """Return a w:r holding text in a language."""
    node = element("w:r")
    node.append(run_properties(lang, bold, italic))
    node.append(_text(text))
    return node


def _text(text: str):
    """Return a w:t that keeps its spaces."""
    node = element("w:t")
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def paragraph(style_id: str, numbering: tuple[int, int] | None = None, alignment: str | None = None):
    """Return an empty w:p with a style, and optionally list numbering (num id, level) and alignment."""
    node = element("w:p")
    properties = element("w:pPr")
    properties.append(element("w:pStyle", val=style_id))
    if numbering is not None:
        number = element("w:numPr")
        number.append(element("w:ilvl", val=str(numbering[1])))
        number.append(element("w:numId", val=str(numbering[0])))
        properties.append(number)
    if alignment:
        properties.append(element("w:jc", val=alignment))
    node.append(properties)
    return node


def line_break(lang: str):
    """Return a run holding a line break."""
    node = element("w:r")
    node.append(run_properties(lang))
    node.append(element("w:br"))
    return node


def page_break():
    """Return a run holding a page break."""
    node = element("w:r")
    node.append(element("w:br", type="page"))
    return node


def field(instruction: str, cached: list, lang: str = DEFAULT_LANGUAGE) -> list:
    """Return the runs of a complex field (begin, instruction, separate, cached result, end)."""
    def marker(kind: str):
        node = element("w:r")
        node.append(element("w:fldChar", fldCharType=kind))
        return node

    code = element("w:r")
    text = element("w:instrText")
    text.text = f" {instruction} "
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    code.append(text)
    return [marker("begin"), code, marker("separate"), *cached, marker("end")]


@dataclass(frozen=True)
class Level:
    """One level of a list: its number format, label text, indentation and the style it belongs to."""

    number_format: str
    text: str
    style_id: str | None = None
    indent: int = 0
    hanging: int = 0
    alignment: str = "left"
    suffix: str = "tab"
    lang: str = DEFAULT_LANGUAGE


def add_list(numbering, abstract_id: int, num_id: int, levels: list[Level]) -> None:
    """Add a multi-level list definition (w:abstractNum) and its instance (w:num) to the numbering part."""
    abstract = element("w:abstractNum", abstractNumId=str(abstract_id))
    abstract.append(element("w:multiLevelType", val="multilevel"))
    for index, level in enumerate(levels):
        abstract.append(_level(index, level))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    instance = element("w:num", numId=str(num_id))
    instance.append(element("w:abstractNumId", val=str(abstract_id)))
    numbering.append(instance)


def _level(index: int, level: Level):
    """Return one w:lvl."""
    node = element("w:lvl", ilvl=str(index))
    node.append(element("w:start", val="1"))
    node.append(element("w:numFmt", val=level.number_format))
    if level.style_id:
        node.append(element("w:pStyle", val=level.style_id))
    node.append(element("w:suff", val=level.suffix))
    node.append(element("w:lvlText", val=level.text))
    node.append(element("w:lvlJc", val=level.alignment))
    properties = element("w:pPr")
    indent = element("w:ind", left=str(level.indent))
    if level.hanging:
        indent.set(qn("w:hanging"), str(level.hanging))
    properties.append(indent)
    node.append(properties)
    if language(level.lang).east_asian_font:
        node.append(_label_properties(language(level.lang)))
    return node


def _label_properties(words: Language):
    """Return the w:rPr of an East Asian list label: its font, so it is measured as drawn."""
    properties = element("w:rPr")
    properties.append(element("w:rFonts", eastAsia=words.east_asian_font, hint="eastAsia"))
    properties.append(element("w:lang", eastAsia=words.tag))
    return properties


def set_style_numbering(style_element, num_id: int, level: int) -> None:
    """Tie a paragraph style to a list level, so its paragraphs are numbered by Word."""
    number = style_element.get_or_add_pPr().get_or_add_numPr()
    number.get_or_add_ilvl().val = level
    number.get_or_add_numId().val = num_id


def add_comment(comments_element, comment_id: int, text: str, author: str, initials: str,
                when: datetime.datetime, lang: str, spans: tuple[tuple[str, str], ...] = ()) -> None:
    """Append a comment (one paragraph per line of text) to the comments part, the words of spans (words, code)
    in runs of their own language."""
    languages = dict(spans)
    words = "|".join(map(re.escape, sorted(languages, key=len, reverse=True)))
    apart = re.compile(f"({words})") if spans else None
    comment = element("w:comment", id=str(comment_id), author=author, initials=initials,
                      date=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    for line in text.split("\n"):
        body = element("w:p")
        body.append(element("w:pPr"))
        body[0].append(element("w:pStyle", val="CommentText"))
        for part in [part for part in apart.split(line) if part] or [line] if apart else [line]:
            body.append(run(part, languages.get(part, lang)))
        comment.append(body)
    comments_element.append(comment)


def anchor_comment(first_run, last_run, comment_id: int, holder=None) -> None:
    """Mark the text from first_run to last_run as the comment's range and place its reference after it.

    With a holder (a w:ins or w:del), the reference goes inside it, so rejecting or accepting the change
    removes the mark too and leaves no stray run behind.
    """
    first_run.addprevious(element("w:commentRangeStart", id=str(comment_id)))
    end = element("w:commentRangeEnd", id=str(comment_id))
    last_run.addnext(end)
    reference = element("w:r")
    reference.append(element("w:rPr"))
    reference[0].append(element("w:rStyle", val="CommentReference"))
    reference.append(element("w:commentReference", id=str(comment_id)))
    if holder is not None:
        holder.append(reference)
    else:
        end.addnext(reference)


FOOTNOTE_SIZE = "20"  # half-points: footnotes in 10 pt
SEPARATORS = (("-1", "separator"), ("0", "continuationSeparator"))  # the footnotes Word draws the rule with


def add_footnotes_part(document):
    """Return the w:footnotes element of a new footnotes part (its separators first), related to the document."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart

    footnotes = element("w:footnotes")
    for footnote_id, kind in SEPARATORS:
        separator = element("w:footnote", type=kind, id=footnote_id)
        body = element("w:p")
        body.append(element("w:pPr"))
        body[0].append(element("w:spacing", after="0", line="240", lineRule="auto"))
        body.append(element("w:r"))
        body[1].append(element(f"w:{kind}"))
        separator.append(body)
        footnotes.append(separator)
    part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, footnotes, document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    _footnote_properties(document.settings.element)
    return footnotes


def _footnote_properties(settings) -> None:
    """Name the separator footnotes in the settings (w:footnotePr, before w:compat as the schema orders it)."""
    properties = element("w:footnotePr")
    for footnote_id, _ in SEPARATORS:
        properties.append(element("w:footnote", id=footnote_id))
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(properties)
    else:
        settings.append(properties)


def _marked_properties(lang: str, before_lang: str, **attributes: str):
    """Return a language's w:rPr with one more property (w:vertAlign, w:sz) in its place before w:lang."""
    properties = run_properties(lang)
    properties.find(qn("w:lang")).addprevious(element(before_lang, **attributes))
    return properties


def add_footnote(footnotes, footnote_id: int, text: str, lang: str) -> None:
    """Append a footnote: its number (w:footnoteRef, superscript), then its text in 10 pt in a language."""
    footnote = element("w:footnote", id=str(footnote_id))
    body = element("w:p")
    mark = element("w:r")
    mark.append(_marked_properties(lang, "w:vertAlign", val="superscript"))
    mark.append(element("w:footnoteRef"))
    words = element("w:r")
    words.append(_marked_properties(lang, "w:sz", val=FOOTNOTE_SIZE))
    words.append(_text(f" {text}"))
    body.extend([mark, words])
    footnote.append(body)
    footnotes.append(footnote)


def footnote_reference(footnote_id: int, lang: str):
    """Return the run that marks a footnote in the text (w:footnoteReference, superscript)."""
    node = element("w:r")
    node.append(_marked_properties(lang, "w:vertAlign", val="superscript"))
    node.append(element("w:footnoteReference", id=str(footnote_id)))
    return node


def set_row_properties(row, heading: bool, keep_together: bool) -> None:
    """Mark a table row as a heading row (repeated on every page) and/or one that never splits across pages."""
    properties = row.get_or_add_trPr()
    if keep_together:
        properties.append(element("w:cantSplit"))
    if heading:
        properties.append(element("w:tblHeader"))


def set_document_languages(styles_element, lang: str) -> None:
    """Set the default fonts and language of the document's text (w:docDefaults)."""
    defaults = styles_element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if run_defaults is None:
        return
    old = run_defaults.find(qn("w:rPr"))
    if old is not None:
        run_defaults.remove(old)
    run_defaults.append(run_properties(lang))


def forbidden_character(text: str) -> str | None:
    """Return the first character a Word document cannot hold, or None."""
    match = XML_FORBIDDEN.search(text)
    return match.group() if match else None


def deterministic_zip(data: bytes) -> bytes:
    """Return the package with every entry's time fixed and its order kept, so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def revision(kind: str, revision_id: int, author: str, when: datetime.datetime):
    """Return an empty w:ins or w:del carrying its author and date."""
    return element(f"w:{kind}", id=str(revision_id), author=author, date=when.strftime("%Y-%m-%dT%H:%M:%SZ"))


def deleted_run(text: str, lang: str):
    """Return a run of deleted text (w:delText), or of a deleted line break for '\\n'."""
    node = element("w:r")
    node.append(run_properties(lang))
    if text == "\n":
        node.append(element("w:br"))
        return node
    deleted = element("w:delText")
    deleted.text = text
    deleted.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    node.append(deleted)
    return node


def add_bookmark(paragraph, bookmark_id: int, name: str) -> None:
    """Put a bookmark at the start of a paragraph (after its properties), where a PAGEREF field finds its page."""
    properties = paragraph.find(qn("w:pPr"))
    start = element("w:bookmarkStart", id=str(bookmark_id), name=name)
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph.insert(0, start)
    start.addnext(element("w:bookmarkEnd", id=str(bookmark_id)))


def page_reference(name: str, lang: str) -> list:
    """Return the runs of a tab and a PAGEREF field giving a bookmark's page (no cached number: clients compute it)."""
    tab = element("w:r")
    tab.append(run_properties(lang))
    tab.append(element("w:tab"))
    return [tab, *field(f"PAGEREF {name} \\h", [], lang)]
