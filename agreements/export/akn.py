"""A draft as Akoma Ntoso 3.0 (OASIS LegalDocML) XML in one language, and its check against the official schema.

The document is an `act`: the only Akoma Ntoso type whose main content is the `body` hierarchy of parts,
articles, paragraphs and points. Text comes from the same renderer as `peacedraft render --format text`,
so numbers, headings and negotiation brackets read exactly as there.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from clauses.errors import OutputError
from agreements.export.akn_meta import AKN, AKN_NS, PLACE, meta_block
from agreements.model import Agreement, Article, Part
from agreements.render.text import DocumentRenderer
from clauses.base import ClauseBase, Node
from clauses.numerals import number_values

SCHEMA_FOLDER = Path(__file__).resolve().parent / "schema"
SCHEMA_FILE = "akomantoso30.xsd"
LOCAL_SCHEMAS = ("xml.xsd",)
ELEMENTS = {"part": "part", "article": "article", "paragraph": "paragraph", "point": "point", "subpoint": "point"}
EID_NAMES = {"part": "part", "article": "art", "paragraph": "para", "point": "point", "subpoint": "point"}
EID_NUMBERS = {"part": "roman", "article": "n", "paragraph": "n", "point": "letter", "subpoint": "roman_lower"}
RECITALS = "recs_1"
INLINE_HOLDERS = ("p", "signature")  # mixed content: indenting inside them would add text


def akn_bytes(agreement: Agreement, lang: str, user_folder: Path | None = None) -> bytes:
    """Return the draft in one language as Akoma Ntoso XML: UTF-8 with an XML declaration."""
    root = akn_tree(agreement, lang, user_folder)
    for element in root.iter(*(f"{{{AKN_NS}}}{tag}" for tag in INLINE_HOLDERS)):
        element.text = element.text or ""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def akn_tree(agreement: Agreement, lang: str, user_folder: Path | None = None) -> etree._Element:
    """Return the root `akomaNtoso` element of the draft in one language."""
    return ActBuilder(DocumentRenderer(agreement, lang, user_folder=user_folder)).root()


class ActBuilder:
    """Builds the `act` of one draft in one language from the text renderer's numbering, scope and wording."""

    def __init__(self, renderer: DocumentRenderer):
        self.renderer = renderer
        self.agreement = renderer.agreement
        self.lang = renderer.lang
        self.words = renderer.words

    def root(self) -> etree._Element:
        """Return `akomaNtoso` holding the act: meta, preface, preamble, body and conclusions."""
        parts = [meta_block(self.agreement, self.lang, self.renderer.scope), self.preface()]
        if self.agreement.preamble:
            parts.append(self.preamble())
        parts += [self.body(), self.conclusions()]
        return AKN.akomaNtoso(AKN.act(*parts, name=self.agreement.meta.form, contains="originalVersion"))

    def preface(self) -> etree._Element:
        """Return `preface`: the title (and short title), then the round line with its date."""
        meta = self.agreement.meta
        title = AKN.longTitle(AKN.p(AKN.docTitle(self.renderer._local(meta.title))))
        blocks = [title]
        if meta.short_title and self.lang in meta.short_title:
            blocks.append(AKN.p(AKN.shortTitle(meta.short_title[self.lang])))
        blocks.append(AKN.p(self._round_line()))
        return AKN.preface(*blocks, **self._language())

    def _round_line(self) -> etree._Element:
        """Return `docStage` with the round line as rendered, its date marked as `docDate`."""
        meta, mark = self.agreement.meta, "\x00"
        line = self.words.phrase("round", round=meta.round, version=meta.version, date=mark)
        before, _, after = line.partition(mark)
        stage = AKN.docStage(before)
        if line.count(mark):
            date = AKN.docDate(self.words.date(meta.date), date=meta.date.isoformat())
            date.tail = after
            stage.append(date)
        return stage

    def preamble(self) -> etree._Element:
        """Return `preamble`: the recitals under the heading the text rendering gives them."""
        recitals = AKN.recitals(AKN.heading(self.words.phrase("preamble")), eId=RECITALS)
        for index, recital in enumerate(self.agreement.preamble, 1):
            recitals.append(AKN.recital(*self._paragraphs(recital), eId=f"{RECITALS}__rec_{index}", GUID=recital.id))
        return AKN.preamble(recitals, **self._language())

    def body(self) -> etree._Element:
        """Return `body`: parts and articles in tree order."""
        body = AKN.body(**self._language())
        for top in self.agreement.body:
            if isinstance(top, Part):
                part = self._numbered(top, None)
                part.append(AKN.heading(self.renderer._local(top.heading)))
                part.extend(self._article(article) for article in top.children)
                body.append(part)
            else:
                body.append(self._article(top))
        return body

    def _article(self, article: Article) -> etree._Element:
        """Return an `article`: its number, heading and paragraphs."""
        element = self._numbered(article, None)
        if article.heading:
            element.append(AKN.heading(self.renderer._local(article.heading)))
        element.extend(self._clause(paragraph, element.get("eId")) for paragraph in article.children)
        return element

    def _clause(self, node: ClauseBase, parent_eid: str) -> etree._Element:
        """Return a `paragraph` or `point`: its text as `content`, or as `intro` followed by its points."""
        element = self._numbered(node, parent_eid)
        paragraphs = self._paragraphs(node)
        if not node.children:
            element.append(AKN.content(*paragraphs))
            return element
        element.append(AKN.intro(*paragraphs))
        element.extend(self._clause(child, element.get("eId")) for child in node.children)
        return element

    def _numbered(self, node: Part | Article | ClauseBase, parent_eid: str | None) -> etree._Element:
        """Return the element of a numbered node with its eId, its GUID (the node id) and its `num`."""
        position = self.renderer.where[node.id]
        return AKN(ELEMENTS[position.level], AKN.num(position.label(self.words)),
                   eId=element_id(position.level, position.numbers[-1], parent_eid), GUID=node.id)

    def _paragraphs(self, node: Node) -> list[etree._Element]:
        """Return a node's text as rendered, one `p` per line (each bracketed option on its own line)."""
        return [AKN.p(line) for line in self.renderer._text(node, indent="\n").split("\n")]

    def conclusions(self) -> etree._Element:
        """Return `conclusions`: place and date, then a signature block per party in the draft's order."""
        meta = self.agreement.meta
        blocks = []
        if meta.place and self.lang in meta.place:
            blocks.append(AKN.p(AKN.location(meta.place[self.lang], refersTo=f"#{PLACE}")))
        blocks.append(AKN.p(AKN.date(self.words.date(meta.date), date=meta.date.isoformat())))
        for index, party in enumerate(self.agreement.parties, 1):
            name = self.renderer.scope.name(party.id, self.lang)
            signature = AKN.signature(AKN.party(name, refersTo=f"#{party.id}", **{"as": f"#{party.role}"}))
            role = AKN.role(self.words.term(party.role, "roles"), refersTo=f"#{party.role}")
            blocks.append(AKN.blockContainer(AKN.p(signature), AKN.p(role), eId=f"blockContainer_{index}"))
        return AKN.conclusions(*blocks, **self._language())

    def _language(self) -> dict[str, str]:
        """Return the xml:lang attribute of the language, for the containers of text."""
        return {"{http://www.w3.org/XML/1998/namespace}lang": self.lang}


def element_id(level: str, number: int, parent_eid: str | None) -> str:
    """Return the eId of a numbered element: parts and articles stand alone, paragraphs and points under their parent.

    The number is the one the English text shows (I, 7, 2, b, iii), so every language file has the same eIds.
    """
    own = f"{EID_NAMES[level]}_{number_values(number)[EID_NUMBERS[level]]}"
    return f"{parent_eid}__{own}" if parent_eid else own


class LocalSchemas(etree.Resolver):
    """Resolves the schemas Akoma Ntoso imports (xml.xsd, by any address) to the copies shipped with peacedraft."""

    def resolve(self, url, public_id, context):
        """Return the shipped file for a known schema name, else None (so nothing is fetched)."""
        name = (url or "").rstrip("/").rsplit("/", 1)[-1]
        if name in LOCAL_SCHEMAS:
            return self.resolve_filename(str(SCHEMA_FOLDER / name), context)
        return None


def load_schema(path: Path = SCHEMA_FOLDER / SCHEMA_FILE) -> etree.XMLSchema:
    """Return the Akoma Ntoso 3.0 XML Schema, its imports resolved locally and network access refused."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(LocalSchemas())
    return etree.XMLSchema(etree.parse(str(path), parser))


@functools.cache
def shipped_schema() -> etree.XMLSchema:
    """Return the shipped Akoma Ntoso 3.0 XML Schema, loaded once."""
    return load_schema()


def check_akn(data: bytes, name: str) -> None:
    """Raise OutputError (one line, naming the file) unless data is valid against the Akoma Ntoso 3.0 schema."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    schema = shipped_schema()
    if schema.validate(etree.fromstring(data, parser)):
        return
    error = schema.error_log[0]
    message = " ".join(error.message.split()).replace(f"{{{AKN_NS}}}", "")
    raise OutputError(f"{name}: not valid Akoma Ntoso 3.0 (line {error.line}): {message}", "PD-E090")
