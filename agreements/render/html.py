"""A draft as HTML: the body of a document in one language, or its languages side by side, and the whole page.

The blocks are those the text shows (agreements/render/text.py), one method per block type: the title and the
round line, the draft mark of an internal edition, the preamble, the parts, articles, paragraphs and points, the
testimonium and the signature blocks, the annexes, the footnotes at the end and a non-paper's mark first. To them
HTML adds the notes on each node's state (the parties' positions, a translation not final) and the validation
findings the caller gives, each at its node. Every node is an element whose `id` and `data-node` are its id; each
text carries its language's tag in `lang`. Side by side (`ParallelHtml`), each block is a row with a cell per
language, like the Word parallel text; the sections of parts, articles and annexes hold their rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from agreements.document.blocks import Block, Document
from agreements.document.compose import compose
from agreements.model import Agreement
from agreements.render.html_page import standalone_page
from agreements.render.html_styles import language_styles
from agreements.render.html_words import LanguageHtml, element
from clauses.languages import DEFAULT_LANGUAGE, language

DOCUMENT_STYLES = ("base", "document")  # the stylesheets of templates/html/ a document's page uses
FRONT = ("title", "subtitle", "parties", "round", "draft_mark")  # the blocks of the document's header
NEWLINE = Markup("\n")

Findings = dict[str, list[tuple[str, str]]]  # node id → (severity, message) for each finding at the node
Cell = Callable[[LanguageHtml], Markup]  # what a block shows in one language


class DocumentHtml:
    """Writes a document tree in one language: sections, headings, numbered lists and each node's asides."""

    def __init__(self, document: Document, languages: list[str], findings: Findings | None = None):
        self.document = document
        self.texts = [LanguageHtml(lang) for lang in languages]
        self.findings = findings or {}
        self.placed: set[str] = set()

    def render(self) -> Markup:
        """Return the document as one <article>: its header, its blocks, its footnotes; findings at no node first."""
        blocks = self.document.blocks
        front = NEWLINE.join(part for part in (self.block(block, 2) for block in blocks if block.type in FRONT) if part)
        body = [self.non_paper_mark(), element("header", front, class_="front"),
                *(self.block(block, 2) for block in blocks if block.type not in FRONT), self.footnote_lists()]
        parts = [self.unplaced_findings(), self.languages_row(), *body]
        return element("article", NEWLINE + NEWLINE.join(part for part in parts if part) + NEWLINE,
                       class_=self.classes(), lang=self.texts[0].tag,
                       data_languages=" ".join(text.lang for text in self.texts))

    def classes(self) -> str:
        """Return the classes of the document's element."""
        return "document"

    def languages_row(self) -> Markup:
        """Return the row naming the languages above their columns ('': one language has none)."""
        return Markup("")

    def block(self, block: Block, level: int) -> Markup:
        """Return one block by the method named after its type ('' for a type the document does not show)."""
        method = getattr(self, f"html_{block.type}", None)
        return method(block, level) if method else Markup("")

    # Layout: one language here; ParallelHtml lays the same blocks out in rows.

    def node(self, block: Block, cell: Cell, tag: str | None = None, below: Markup = Markup("")) -> Markup:
        """Return a block's own content, its drafters' note and its findings, in an element with its id (tag None:
        no element of its own), then what is below it."""
        text = self.texts[0]
        inner = cell(text) + text.drafter_note(block) + self.findings_at(block)
        if tag is None:
            return inner + below
        return element(tag, inner + below, class_=block.type, **self.ids(block))

    def listed(self, items: list[Markup]) -> Markup:
        """Return paragraphs or points as a numbered list ('' when there are none)."""
        if not items:
            return Markup("")
        return element("ol", NEWLINE + NEWLINE.join(items) + NEWLINE, class_="clauses")

    def each_language(self, make: Cell, kind: str) -> Markup:
        """Return what make writes in the document's language (a row of kind, side by side)."""
        return make(self.texts[0])

    # The blocks.

    def html_title(self, block: Block, level: int) -> Markup:
        """Return the title."""
        return self.node(block, lambda text: element("h1", text.inlines(block.text(text.lang)), class_="title",
                                                     lang=text.tag))

    def html_round(self, block: Block, level: int) -> Markup:
        """Return the round line, its date marked."""
        return self.line(block, "round")

    def html_draft_mark(self, block: Block, level: int) -> Markup:
        """Return the draft mark of an internal edition, which says that it is internal (the others leave it out)."""
        return self.line(block, "draft-mark") if "note_author" in self.document.settings else Markup("")

    def html_signature_caption(self, block: Block, level: int) -> Markup:
        """Return the caption of the parties signing in a role other than signatory ('In the presence of:')."""
        return self.line(block, "signature-caption")

    def line(self, block: Block, kind: str) -> Markup:
        """Return a block's words as a paragraph of a kind."""
        return self.node(block, lambda text: element("p", text.inlines(block.text(text.lang)), class_=kind,
                                                     lang=text.tag))

    def html_preamble(self, block: Block, level: int) -> Markup:
        """Return the preamble: its heading (when it has recitals), its formulas and its recitals."""
        heading = self.node(block, lambda text: self.title_of(block, text, level)) \
            if block.text(self.texts[0].lang).title is not None else Markup("")
        return self.section(block, heading, [self.block(child, level + 1) for child in block.children])

    def title_of(self, block: Block, text: LanguageHtml, level: int) -> Markup:
        """Return a block's title in a language as a heading of a level."""
        return element(f"h{level}", block.text(text.lang).title or "", lang=text.tag)

    def html_recital(self, block: Block, level: int) -> Markup:
        """Return a recital (or a formula, a sentence of the testimonium), its footnote's mark and its notes."""
        return self.node(block, lambda text: self.paragraph_text(block, text), "div" if block.node_id else None)

    html_formula = html_testimonium = html_recital

    def paragraph_text(self, block: Block, text: LanguageHtml) -> Markup:
        """Return a block's numbered words in a language as a paragraph, and the notes on its state."""
        words = block.text(text.lang)
        return element("p", text.clause(words), class_=f"{block.type}-text", lang=text.tag) + text.notes(words)

    def html_conclusions(self, block: Block, level: int) -> Markup:
        """Return the testimonium and the signature blocks."""
        return self.section(block, Markup(""), [self.block(child, level) for child in block.children])

    def html_signature(self, block: Block, level: int) -> Markup:
        """Return a signature block: 'For the Republic of Korea:', then the lines for signature, name and title."""
        def cell(text: LanguageHtml) -> Markup:
            lines = [text.inlines(block.text(text.lang)),
                     *(text.inlines(line.text(text.lang)) for line in block.children)]
            return element("p", Markup("<br>").join(lines), class_="signature-lines", lang=text.tag)

        return self.node(block, cell, "div")

    def html_part(self, block: Block, level: int) -> Markup:
        """Return a part (or an annex with articles): its heading, then its articles."""
        return self.section(block, self.heading(block, level),
                            [self.block(child, level + 1) for child in block.children])

    def html_annex(self, block: Block, level: int) -> Markup:
        """Return an annex or protocol: its heading, then its articles, or its paragraphs and points."""
        if block.data.get("articles"):
            return self.html_part(block, level)
        return self.html_article(block, level)

    def html_article(self, block: Block, level: int) -> Markup:
        """Return an article: its heading, then its paragraphs and points."""
        items = [self.block(child, level + 1) for child in block.children]
        return self.section(block, self.heading(block, level), [self.listed(items)])

    def heading(self, block: Block, level: int) -> Markup:
        """Return a part's, article's or annex's heading line, its footnote's mark and its drafters' note."""
        return self.node(block, lambda text: element(f"h{level}", text.heading(block.text(text.lang)),
                                                     lang=text.tag))

    def section(self, block: Block, heading: Markup, below: list[Markup]) -> Markup:
        """Return a section holding a heading and what is below it, with the block's id."""
        content = NEWLINE.join(part for part in [heading, *below] if part)
        return element("section", NEWLINE + content + NEWLINE, class_=block.type, **self.ids(block))

    def html_paragraph(self, block: Block, level: int) -> Markup:
        """Return a numbered paragraph or point, its notes, then the points below it."""
        below = self.listed([self.block(child, level) for child in block.children])
        return self.node(block, lambda text: self.paragraph_text(block, text), "li", below)

    html_point = html_subpoint = html_paragraph

    def html_table(self, block: Block, level: int) -> Markup:
        """Return a report's table: a row per row, a heading row's cells as headers."""
        rows = [element("tr", Markup("").join(
            element("th" if row.data.get("heading") else "td",
                    Markup("").join(self.block(item, level) for item in cell.children)) for cell in row.children))
            for row in block.children]
        return element("table", NEWLINE.join(rows), class_="report")

    def html_cell_text(self, block: Block, level: int) -> Markup:
        """Return the words of a table's cell."""
        return self.line(block, "cell-text")

    # What is not a block: the non-paper's mark, the footnotes, the findings.

    def non_paper_mark(self) -> Markup:
        """Return a non-paper's mark, first ('' for any other edition)."""
        marks = self.document.settings.get("non_paper_mark")
        if not marks:
            return Markup("")
        return self.each_language(lambda text: element("p", marks.get(text.lang, ""), class_="non-paper-mark",
                                                       lang=text.tag), "non-paper")

    def footnote_lists(self) -> Markup:
        """Return the footnotes, numbered in document order ('' when there are none)."""
        if not any(text.footnotes for text in self.texts):
            return Markup("")
        return self.each_language(LanguageHtml.footnote_list, "endnotes")

    def ids(self, block: Block) -> dict[str, str | None]:
        """Return a block's id and data-node (a signature block names its party instead)."""
        if block.type == "signature":
            return {"data_party": block.node_id}
        return {"id": block.node_id, "data_node": block.node_id}

    def findings_at(self, block: Block) -> Markup:
        """Return the findings at a block's node, each an aside."""
        if not block.node_id or block.type == "signature" or block.node_id not in self.findings:
            return Markup("")
        self.placed.add(block.node_id)
        return Markup("").join(finding_aside(severity, message) for severity, message in self.findings[block.node_id])

    def unplaced_findings(self) -> Markup:
        """Return the findings at nodes the document does not show, each naming its node ('' when there are none)."""
        asides = [finding_aside(severity, message, node) for node, found in self.findings.items()
                  if node not in self.placed for severity, message in found]
        return element("section", NEWLINE.join(asides), class_="findings") if asides else Markup("")


class ParallelHtml(DocumentHtml):
    """Writes a document tree in several languages side by side: each block a row with a cell per language."""

    def languages_row(self) -> Markup:
        """Return the row naming each column's language in the language itself."""
        return self.each_language(lambda text: element("p", text.words.name, lang=text.tag), "languages")

    def classes(self) -> str:
        """Return the classes of the document's element, saying how many columns it has."""
        return f"document parallel columns-{len(self.texts)}"

    def node(self, block: Block, cell: Cell, tag: str | None = None, below: Markup = Markup("")) -> Markup:
        """Return a block's row: a cell per language, the drafters' note and the findings across them (tag None:
        the row leaves the id to its section), then the rows below it."""
        cells = Markup("").join(element("div", cell(text), class_="cell", lang=text.tag) for text in self.texts)
        inner = cells + self.texts[0].drafter_note(block) + self.findings_at(block)
        ids = self.ids(block) if tag is not None else {}
        row = element("div", inner, class_=f"row {block.type}", **ids)
        return NEWLINE.join(part for part in (row, below) if part)

    def listed(self, items: list[Markup]) -> Markup:
        """Return paragraphs' or points' rows one after the other."""
        return NEWLINE.join(items)

    def each_language(self, make: Cell, kind: str) -> Markup:
        """Return a row of a kind with what make writes in each language."""
        cells = Markup("").join(element("div", make(text), class_="cell", lang=text.tag) for text in self.texts)
        return element("div", cells, class_=f"row {kind}")


def finding_aside(severity: str, message: str, node: str | None = None) -> Markup:
    """Return a validation finding as a note: its severity, its message, and its node when it stands apart."""
    where = element("code", node) + Markup(": ") if node else Markup("")
    content = element("p", element("strong", severity) + Markup(": ") + where + message)
    return element("aside", content, class_=f"finding {severity}", role="note", lang=language(DEFAULT_LANGUAGE).tag,
                   data_node=node)


def document_html(document: Document, languages: list[str], findings: Findings | None = None) -> Markup:
    """Return a document tree as HTML in one language, or in several side by side, each finding at its node."""
    renderer = ParallelHtml if len(languages) > 1 else DocumentHtml
    return renderer(document, languages, findings).render()


def html_page(agreement: Agreement, lang: str, user_folder: Path | None = None, copy_for: str | None = None,
              internal: bool = False, non_paper: bool = False) -> str:
    """Return the draft as a self-contained HTML page in one language, or side by side in all its ('parallel').

    copy_for, internal and non_paper as for the other renderers (agreements/render/text.py); the page carries its
    styles inline, no script and nothing from the network.
    """
    languages = list(agreement.meta.languages) if lang == "parallel" else [lang]
    document = compose(agreement, languages, user_folder, copy_for, internal, non_paper)
    first = document.languages[0]
    title = document.settings["title"].get(first) or next(iter(agreement.meta.title.values()), "")
    return standalone_page(title, language(first).tag, document_html(document, document.languages),
                           DOCUMENT_STYLES, language_styles())
