"""An agreement's document tree as Word paragraphs in one language: one method per block type.

The title page, the contents (the parts, articles and annexes, each with its heading's page), the preamble
between its formulas, the parts, articles, paragraphs and points numbered by Word lists, then the testimonium
and a signature block per party, and the annexes and protocols, each on a new page and numbered by lists of
its own; options in brackets carry their proposers as comments, a paragraph carries the parties' positions as
its comment and its footnote, and, in an internal edition, the drafters' note as a comment of the drafting side.
"""

from __future__ import annotations

import hashlib

from agreements.document.blocks import MISSING, Block, BlockText, Bracket, Document, Foreign, Inline, Option, Run, \
    inline_text, line_text
from agreements.render.docx.paragraphs import Piece, WordParagraph
from agreements.render.docx.writer import LEVEL_STYLES
from clauses.languages import Language, language, written_in

LINE_BREAK = "\n"
FRONT = ("title", "subtitle", "parties", "round", "draft_mark")
LISTED = ("part", "article", "annex")  # the blocks the contents list


class AgreementPlan:
    """The Word paragraphs of an agreement's tree in one language (left-aligned when set in a table)."""

    def __init__(self, document: Document, lang: str, tabular: bool = False):
        self.document = document
        self.lang = lang
        self.words: Language = language(lang)
        self.tabular = tabular

    def paragraphs(self) -> list[WordParagraph]:
        """Return the title page, the contents and the body."""
        return [*self.title_page(), *self.contents(), *self.body()]

    def title_page(self) -> list[WordParagraph]:
        """Return the title, short title, parties, round line and draft mark; the page ends after them."""
        return [paragraph for block in self.document.blocks if block.type in FRONT for paragraph in self.block(block)]

    def body(self) -> list[WordParagraph]:
        """Return the preamble, the parts, articles, paragraphs and points, the signatures and the annexes."""
        paragraphs: list[WordParagraph] = []
        for block in self.document.blocks:
            if block.type in FRONT:
                continue
            if block.type == "annex" and paragraphs and not self.tabular:
                paragraphs[-1].page_break_after = True  # each annex begins a page
            paragraphs += self.block(block)
        return paragraphs

    def block(self, block: Block) -> list[WordParagraph]:
        """Return the paragraphs of a block and of what it holds (by the method named after its type)."""
        method = getattr(self, f"word_{block.type}", None)
        paragraphs = method(block) if method else []
        if block.type in LISTED and paragraphs:
            paragraphs[0].bookmark = heading_bookmark(block.node_id)
        return paragraphs

    def word_title(self, block: Block) -> list[WordParagraph]:
        """Return the title (the missing-text mark when it is not written in this language)."""
        text = block.text(self.lang)
        words = MISSING.format(lang=self.lang) if text.missing else _plain(text)
        return [WordParagraph(f"title:{self.lang}", "Title", [Piece(words)])]

    def word_subtitle(self, block: Block) -> list[WordParagraph]:
        """Return the short title, when it is written in this language."""
        if self.lang not in block.texts:
            return []
        return [WordParagraph(f"subtitle:{self.lang}", "Subtitle", [Piece(_plain(block.text(self.lang)))])]

    def word_parties(self, block: Block) -> list[WordParagraph]:
        """Return the line naming the signatories."""
        return [WordParagraph(f"parties:{self.lang}", "Parties", [Piece(_plain(block.text(self.lang)))])]

    def word_round(self, block: Block) -> list[WordParagraph]:
        """Return the round line."""
        return [WordParagraph(f"round:{self.lang}", "Parties", [Piece(_plain(block.text(self.lang)))])]

    def word_draft_mark(self, block: Block) -> list[WordParagraph]:
        """Return the draft mark, ending the title page."""
        return [WordParagraph(f"mark:{self.lang}", "Draft Mark", [Piece(_plain(block.text(self.lang)))],
                              page_break_after=True)]

    def contents(self) -> list[WordParagraph]:
        """Return the contents: a heading, an entry per part, article and annex, and the paragraph ending the page.

        An entry is its heading's number (as text: list numbering would not survive accepting or rejecting) and
        title, then, after a dotted tab, a PAGEREF field on the heading's bookmark: LibreOffice computes the page
        as it lays the document out, Word when it updates the fields (it asks to on opening: w:updateFields).
        """
        entries = [WordParagraph(f"toc:{block.node_id}", "toc 2" if block.type == "article" else "toc 1",
                                 [Piece(self._contents_line(block.text(self.lang)))],
                                 page_of=heading_bookmark(block.node_id))
                   for block in self.document.walk() if block.type in LISTED]
        return [WordParagraph("contents", "TOC Heading", [Piece(self.words.phrase("contents"))], unnumbered=True),
                *entries, WordParagraph("contents:end", "toc 1", field="end", page_break_after=True)]

    def _contents_line(self, text: BlockText) -> str:
        """Return 'Article 7 — Definitions' for the contents."""
        if text.title is not None:
            return self.words.phrase("heading", label=text.label, title=text.title)
        return text.label

    def word_preamble(self, block: Block) -> list[WordParagraph]:
        """Return the preamble's heading (when it has recitals), its formulas and its recitals."""
        title = block.text(self.lang).title
        heading = [WordParagraph("preamble", "Preamble Heading", [Piece(title)])] if title is not None else []
        return [*heading, *(paragraph for child in block.children for paragraph in self.block(child))]

    def word_recital(self, block: Block) -> list[WordParagraph]:
        """Return a recital, its options in brackets."""
        return [self.text_paragraph(block, "Recital", None)]

    def word_formula(self, block: Block) -> list[WordParagraph]:
        """Return the parties' formula or 'Have agreed as follows:'."""
        return [self.text_paragraph(block, "Formula", None)]

    def word_conclusions(self, block: Block) -> list[WordParagraph]:
        """Return the testimonium and the signature blocks."""
        return [paragraph for child in block.children for paragraph in self.block(child)]

    def word_testimonium(self, block: Block) -> list[WordParagraph]:
        """Return a sentence of the testimonium ('IN WITNESS WHEREOF …', 'DONE at …')."""
        return [self.text_paragraph(block, "Testimonium", None)]

    def word_signature_caption(self, block: Block) -> list[WordParagraph]:
        """Return the caption of the parties signing in a role other than signatory ('In the presence of:')."""
        return [WordParagraph(block.key, "Signature Caption", [Piece(_plain(block.text(self.lang)))])]

    def word_signature(self, block: Block) -> list[WordParagraph]:
        """Return a signature block as one paragraph kept together: the party, then signature, name and title lines."""
        lines = [_plain(block.text(self.lang)), "", *(_plain(line.text(self.lang)) for line in block.children)]
        return [WordParagraph(block.key, "Signature Block", [Piece(LINE_BREAK.join(lines))], keep_together=True)]

    def word_part(self, block: Block) -> list[WordParagraph]:
        """Return a part's heading (its number is Word's; its text follows a dash), then its articles."""
        title = block.text(self.lang).title
        pieces = [Piece(self.words.phrase("word_heading", title=title))] if title is not None else []
        below = [paragraph for child in block.children for paragraph in self.block(child)]
        return [self.noted(WordParagraph(block.key, LEVEL_STYLES[block.type], pieces, level=block.type), block),
                *below]

    word_article = word_part

    def word_annex(self, block: Block) -> list[WordParagraph]:
        """Return an annex's heading ('Annex I — …', its number as text), then its content, in lists of its own."""
        heading = WordParagraph(block.key, LEVEL_STYLES["part"], [Piece(self._contents_line(block.text(self.lang)))],
                                unnumbered=True)
        below = [paragraph for child in block.children for paragraph in self.block(child)]
        for paragraph in below:
            if paragraph.level:
                paragraph.numbering = f"{self.lang}:{block.node_id}"
        return [self.noted(heading, block), *below]

    def noted(self, paragraph: WordParagraph, block: Block) -> WordParagraph:
        """Return a paragraph with its block's footnote and, in an internal edition, its drafters' note."""
        paragraph.footnote = block.text(self.lang).footnote
        if block.note:
            paragraph.note = block.note
            written = written_in(block.note)
            own = written in (None, self.lang, self.words.variant_of)
            paragraph.note_spans = () if own else ((block.note, written),)
            paragraph.note_author = self.document.settings.get("note_author", {}).get(self.lang, "")
        return paragraph

    def word_paragraph(self, block: Block) -> list[WordParagraph]:
        """Return a paragraph or point, then the points below it."""
        own = self.text_paragraph(block, LEVEL_STYLES[block.type], block.type)
        return [own, *(paragraph for child in block.children for paragraph in self.block(child))]

    word_point = word_subpoint = word_paragraph

    def text_paragraph(self, block: Block, style: str, level: str | None) -> WordParagraph:
        """Return a node's paragraph: its text with brackets, comments on proposers, positions and translation."""
        paragraph = WordParagraph(block.key, style, level=level)
        if self.tabular or block.data.get("options"):
            paragraph.alignment = "left"
        text = block.text(self.lang)
        if text.missing:
            paragraph.pieces = [Piece(MISSING.format(lang=self.lang), italic=True)]
            return self.noted(paragraph, block)
        paragraph.pieces = word_pieces(text.inlines, self.words)
        paragraph.comment = "\n".join(line_text(note) for note in text.notes) or None
        paragraph.comment_spans = tuple((inline.text, inline.lang) for note in text.notes for inline in note
                                        if isinstance(inline, Foreign))
        return self.noted(paragraph, block)


def heading_bookmark(node_id: str) -> str:
    """Return the bookmark of a listed heading: hidden (a leading underscore, as Word's own), from the node's id."""
    return f"_Toc{int(hashlib.sha1(node_id.encode('utf-8')).hexdigest()[:8], 16):010d}"


def word_pieces(inlines: list[Inline], words: Language) -> list[Piece]:
    """Return inlines as pieces: plain text, and each option in brackets with a comment on its proposers."""
    pieces = []
    for inline in inlines:
        if isinstance(inline, Bracket):
            for index, option in enumerate(inline.options):
                separator = words.phrase("option_separator") if inline.inline else LINE_BREAK
                if index and separator:
                    pieces.append(Piece(separator))
                pieces.append(_option(option, words, inline.inline))
        elif isinstance(inline, Run):
            pieces.append(Piece(inline.text, inline.comment, inline.bold, inline.italic))
        else:
            pieces.append(Piece(inline if isinstance(inline, str) else inline.text))
    return pieces


def _option(option: Option, words: Language, inline: bool = False) -> Piece:
    """Return one bracketed option, commented with who proposed it."""
    if option.letter is None:
        text = words.phrase("bracketed", text=option.text)
    else:
        text = words.phrase("option_plain", option=words.phrase("option", letter=option.letter), text=option.text)
    comment = words.phrase("proposed_by", proposers=words.phrase("list_separator").join(option.proposers)) if option.proposers else None
    return Piece(text, comment, option=option.text, inline_option=inline)


def _plain(text: BlockText) -> str:
    """Return the words of a block without brackets (a title, a round line)."""
    return "".join(inline_text(inline) for inline in text.inlines)
