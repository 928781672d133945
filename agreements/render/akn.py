"""A document tree as Akoma Ntoso 3.0 (OASIS LegalDocML) XML in one language: one method per block type.

The document is an `act`: the only Akoma Ntoso type whose main content is the `body` hierarchy of parts,
articles, paragraphs and points. Numbers, headings and negotiation brackets read exactly as in the text
rendering (`peacedraft render --format text`), each bracketed option on a line of its own. Footnotes are
`authorialNote`s where their node's text ends; each annex or protocol is an `attachment`, an `act` of its
own (named `annex` or `protocol`) with its number and heading in its preface, its eIds under the
attachment's (`att_1__art_1`).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from agreements.document.blocks import MISSING, Block, BlockText, Date, Document, PartyName, PlaceName, inline_text
from agreements.document.compose import compose
from agreements.model import Agreement
from agreements.render.akn_meta import AKN, AKN_NS, PLACE, component_meta, meta_block
from agreements.render.plain import plain_text, words_of
from clauses.languages import language
from clauses.numerals import number_values

ELEMENTS = {"part": "part", "article": "article", "paragraph": "paragraph", "point": "point", "subpoint": "point"}
EID_NAMES = {"part": "part", "article": "art", "paragraph": "para", "point": "point", "subpoint": "point"}
EID_NUMBERS = {"part": "roman", "article": "n", "paragraph": "n", "point": "letter", "subpoint": "roman_lower"}
RECITALS = "recs_1"
ENACTING = "enactingFormula"  # the formula after the recitals ('Have agreed as follows:')
INLINE_HOLDERS = ("p", "signature")  # mixed content: indenting inside them would add text


def akn_bytes(agreement: Agreement, lang: str, user_folder: Path | None = None) -> bytes:
    """Return the draft in one language as Akoma Ntoso XML: UTF-8 with an XML declaration."""
    root = akn_tree(agreement, lang, user_folder)
    for element in root.iter(*(f"{{{AKN_NS}}}{tag}" for tag in INLINE_HOLDERS)):
        element.text = element.text or ""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def akn_tree(agreement: Agreement, lang: str, user_folder: Path | None = None) -> etree._Element:
    """Return the root `akomaNtoso` element of the draft in one language."""
    return ActBuilder(compose(agreement, [lang], user_folder), lang).root()


class ActBuilder:
    """Builds the `act` of one document tree in one language."""

    def __init__(self, document: Document, lang: str):
        self.document = document
        self.lang = lang
        self.words = language(lang)
        self.notes = 0

    def root(self) -> etree._Element:
        """Return `akomaNtoso` holding the act: meta, preface, preamble, body, conclusions and attachments."""
        parts = [meta_block(self.document, self.lang), self.preface()]
        preamble = self.document.find("preamble")
        if preamble is not None:
            parts.append(self.preamble(preamble))
        parts += [self.body(), self.conclusions(self.document.find("conclusions"))]
        annexes = [block for block in self.document.blocks if block.type == "annex"]
        if annexes:
            parts.append(AKN.attachments(*(self.attachment(block, number) for number, block in enumerate(annexes, 1))))
        return AKN.akomaNtoso(AKN.act(*parts, name=self.document.meta.form, contains="originalVersion"))

    def attachment(self, block: Block, number: int) -> etree._Element:
        """Return an annex or protocol as an `attachment`: an `act` with its number and heading, then its body."""
        eid = f"att_{number}"
        kind = block.data["kind"]
        text = block.text(self.lang)
        title = AKN.p(AKN.docTitle(self._title(block), *self._note(text)))
        preface = AKN.preface(AKN.p(AKN.docNumber(text.label)), title, **self._language())
        body = AKN.body(*(self.element(child, eid) for child in block.children), **self._language())
        act = AKN.act(component_meta(self.document, self.lang, f"{kind}_{number}"), preface, body, name=kind,
                      contains="originalVersion")
        return AKN.attachment(act, eId=eid, GUID=block.node_id)

    def _note(self, text: BlockText) -> list[etree._Element]:
        """Return the `authorialNote` of a block's footnote in this language (none when it has none)."""
        if text.footnote is None:
            return []
        self.notes += 1
        return [AKN.authorialNote(AKN.p(text.footnote), marker=str(self.notes), placement="bottom",
                                  eId=f"note_{self.notes}")]

    def preface(self) -> etree._Element:
        """Return `preface`: the title (and short title), then the round line with its date."""
        title = self.document.find("title").text(self.lang)
        blocks = [AKN.longTitle(AKN.p(AKN.docTitle(words_of(title, self.words))))]
        subtitle = self.document.find("subtitle")
        if subtitle is not None and self.lang in subtitle.texts:
            blocks.append(AKN.p(AKN.shortTitle(words_of(subtitle.text(self.lang), self.words))))
        blocks.append(AKN.p(self._round_line(self.document.find("round"))))
        return AKN.preface(*blocks, **self._language())

    def _round_line(self, block: Block) -> etree._Element:
        """Return `docStage` with the round line as rendered, its date marked as `docDate`."""
        stage, last = AKN.docStage(""), None
        for inline in block.text(self.lang).inlines:
            if isinstance(inline, Date):
                last = AKN.docDate(inline.text, date=inline.iso)
                stage.append(last)
            elif last is None:
                stage.text = (stage.text or "") + str(inline)
            else:
                last.tail = (last.tail or "") + str(inline)
        return stage

    def preamble(self, block: Block) -> etree._Element:
        """Return `preamble`: headed recitals with the parties' formula as their intro, then the enacting formula."""
        preamble = AKN.preamble(**self._language())
        recitals = [child for child in block.children if child.type == "recital"]
        formulas = [child for child in block.children if child.type == "formula"]
        opening = [formula for formula in formulas if formula.data["name"] != ENACTING]
        if recitals:
            holder = AKN.recitals(AKN.heading(block.text(self.lang).title or ""), eId=RECITALS)
            holder.extend(AKN.intro(*self._paragraphs(formula)) for formula in opening)
            holder.extend(AKN.recital(*self._paragraphs(recital), eId=f"{RECITALS}__rec_{index}",
                                      GUID=recital.node_id) for index, recital in enumerate(recitals, 1))
            preamble.append(holder)
        else:
            preamble.extend(AKN.formula(*self._paragraphs(formula), name=formula.data["name"]) for formula in opening)
        preamble.extend(AKN.formula(*self._paragraphs(formula), name=ENACTING)
                        for formula in formulas if formula.data["name"] == ENACTING)
        return preamble

    def body(self) -> etree._Element:
        """Return `body`: parts and articles in tree order."""
        body = AKN.body(**self._language())
        for block in self.document.blocks:
            if block.type in ("part", "article"):
                body.append(self.element(block, None))
        return body

    def element(self, block: Block, parent_eid: str | None) -> etree._Element:
        """Return the element of a part, article, paragraph or point (by the method named after its type)."""
        return getattr(self, f"akn_{block.type}")(block, parent_eid)

    def akn_part(self, block: Block, parent_eid: str | None) -> etree._Element:
        """Return a `part`: its number, heading and articles."""
        element = self._numbered(block, parent_eid)
        element.append(AKN.heading(self._title(block), *self._note(block.text(self.lang))))
        element.extend(self.element(article, None) for article in block.children)
        return element

    def akn_article(self, block: Block, parent_eid: str | None) -> etree._Element:
        """Return an `article`: its number, heading and paragraphs."""
        element = self._numbered(block, parent_eid)
        text = block.text(self.lang)
        note = self._note(text)
        if text.title is not None or text.missing or note:
            element.append(AKN.heading(self._title(block) if text.title is not None or text.missing else "", *note))
        element.extend(self.element(paragraph, element.get("eId")) for paragraph in block.children)
        return element

    def akn_paragraph(self, block: Block, parent_eid: str | None) -> etree._Element:
        """Return a `paragraph` or `point`: its text as `content`, or as `intro` followed by its points."""
        element = self._numbered(block, parent_eid)
        paragraphs = self._paragraphs(block)
        if not block.children:
            element.append(AKN.content(*paragraphs))
            return element
        element.append(AKN.intro(*paragraphs))
        element.extend(self.element(child, element.get("eId")) for child in block.children)
        return element

    akn_point = akn_subpoint = akn_paragraph

    def _title(self, block: Block) -> str:
        """Return a heading's words, or the missing-text mark."""
        text = block.text(self.lang)
        return text.title if text.title is not None else MISSING.format(lang=self.lang)

    def _numbered(self, block: Block, parent_eid: str | None) -> etree._Element:
        """Return the element of a numbered block with its eId, its GUID (the node id) and its `num`."""
        return AKN(ELEMENTS[block.type], AKN.num(block.text(self.lang).label),
                   eId=element_id(block.type, block.numbers[-1], parent_eid), GUID=block.node_id)

    def _paragraphs(self, block: Block) -> list[etree._Element]:
        """Return a block's text as rendered, one `p` per line (each bracketed option on its own line), its footnote
        at the end of the last."""
        text = block.text(self.lang)
        lines = [AKN.p(line) for line in plain_text(text, self.words, "\n").split("\n")]
        lines[-1].extend(self._note(text))
        return lines

    def conclusions(self, block: Block) -> etree._Element:
        """Return `conclusions`: the testimonium (place and date marked), then the captions and signature blocks."""
        testimonium = AKN.formula(name="testimonium")
        items, index = [testimonium], 0
        for child in block.children:
            text = child.text(self.lang)
            if child.type == "testimonium":
                testimonium.append(self._mixed(AKN.p(), text.inlines, child))
            elif child.type == "signature_caption":
                items.append(AKN.p(words_of(text, self.words)))
            elif child.type == "signature":
                index += 1
                role = child.data["role"]
                lines = [AKN.p(words_of(line.text(self.lang), self.words)) for line in child.children]
                word = AKN.role(self.words.term(role, "roles"), refersTo=f"#{role}")
                items.append(AKN.blockContainer(AKN.p(self._mixed(AKN.signature(), text.inlines, child)), *lines,
                                                AKN.p(word), eId=f"blockContainer_{index}"))
        return AKN.conclusions(*items, **self._language())

    def _mixed(self, holder: etree._Element, inlines: list, block: Block) -> etree._Element:
        """Return holder filled with inlines: text, a `date`, the place as `location`, a signing `party` in its role."""
        last = None
        for inline in inlines:
            if isinstance(inline, Date):
                last = AKN.date(inline.text, date=inline.iso)
            elif isinstance(inline, PlaceName):
                last = AKN.location(inline.text, refersTo=f"#{PLACE}")
            elif isinstance(inline, PartyName):
                last = AKN.party(inline.text, refersTo=f"#{inline.party}", **{"as": f"#{block.data['role']}"})
            elif last is None:
                holder.text = (holder.text or "") + inline_text(inline)
                continue
            else:
                last.tail = (last.tail or "") + inline_text(inline)
                continue
            holder.append(last)
        return holder

    def _language(self) -> dict[str, str]:
        """Return the xml:lang attribute of the language, for the containers of text."""
        return {"{http://www.w3.org/XML/1998/namespace}lang": self.lang}


def element_id(level: str, number: int, parent_eid: str | None) -> str:
    """Return the eId of a numbered element: parts and articles stand alone, paragraphs and points under their parent.

    The number is the one the English text shows (I, 7, 2, b, iii), so every language file has the same eIds.
    """
    own = f"{EID_NAMES[level]}_{number_values(number)[EID_NUMBERS[level]]}"
    return f"{parent_eid}__{own}" if parent_eid else own
