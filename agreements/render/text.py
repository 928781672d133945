"""The document tree as plain text or Markdown in one language: numbered, with headings and brackets.

One method per block type; the blocks the text does not show (parties; the draft mark, but in an internal
edition) have none. Footnotes are numbered in document order and listed at the end; an internal edition
says so under the round line and shows each drafters' note on a marked line under its node. A non-paper
says so on its first line, above the title.
"""

from __future__ import annotations

from pathlib import Path

from agreements.document.blocks import Block, BlockText, Document
from agreements.document.compose import compose
from agreements.model import Agreement
from agreements.render.plain import heading_line, plain_text, words_of
from clauses.languages import language

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


class TextRenderer:
    """Renders a document tree in one language as plain text."""

    markdown = False

    def __init__(self, document: Document, lang: str):
        self.document = document
        self.lang = lang
        self.words = language(lang)
        self.lines: list[str] = []
        self.footnotes: list[str] = []

    def render(self) -> str:
        """Return the whole document, a non-paper's mark first and its footnotes at the end."""
        mark = self.document.settings.get("non_paper_mark", {}).get(self.lang)
        if mark:
            self.lines += [self.emphasis(mark), ""]
        for block in self.document.blocks:
            self.block(block)
        self.render_footnotes()
        return "\n".join(self.lines).rstrip() + "\n"

    def marked(self, text: BlockText) -> str:
        """Return the mark of a block's footnote in this language, numbering it ('' when it has none)."""
        if text.footnote is None:
            return ""
        self.footnotes.append(text.footnote)
        return self.footnote_mark(len(self.footnotes))

    def footnote_mark(self, number: int) -> str:
        """Return the mark of a footnote in the text: its number in superscript."""
        return str(number).translate(SUPERSCRIPT)

    def render_footnotes(self) -> None:
        """Add the footnotes under their heading, each after its mark."""
        if not self.footnotes:
            return
        self.heading(2, self.words.phrase("footnotes"))
        for number, footnote in enumerate(self.footnotes, 1):
            self.lines.append(f"{self.footnote_mark(number)} {footnote}")
        self.lines.append("")

    def drafter_note(self, block: Block) -> None:
        """Add the drafters' note on a block, on a marked line of its own (only an internal edition has one)."""
        if block.note:
            self.lines += [self.note_line(block), ""]

    def note_line(self, block: Block) -> str:
        """Return the drafters' note on a block as a marked line ('» Drafters’ note: …')."""
        return f"» {self.words.phrase('drafter_note', note=block.note)}"

    def block(self, block: Block, depth: int = 0) -> None:
        """Render one block by the method named after its type (none: the text leaves it out)."""
        method = getattr(self, f"render_{block.type}", None)
        if method is not None:
            method(block, depth)

    def render_title(self, block: Block, depth: int) -> None:
        """Add the title."""
        self.heading(1, words_of(block.text(self.lang), self.words))

    def render_round(self, block: Block, depth: int) -> None:
        """Add the round line."""
        self.lines += [self.emphasis(words_of(block.text(self.lang), self.words)), ""]

    def render_draft_mark(self, block: Block, depth: int) -> None:
        """Add the draft mark of an internal edition, which says that it is internal (the others leave it out)."""
        if "note_author" in self.document.settings:
            self.lines += [self.emphasis(words_of(block.text(self.lang), self.words)), ""]

    def render_preamble(self, block: Block, depth: int) -> None:
        """Add the preamble's heading (when it has recitals), its formulas and its recitals."""
        title = block.text(self.lang).title
        if title is not None:
            self.heading(2, title)
        for child in block.children:
            self.block(child)

    def render_recital(self, block: Block, depth: int) -> None:
        """Add a recital, its options in brackets."""
        text = block.text(self.lang)
        self.lines += [plain_text(text, self.words) + self.marked(text), ""]
        self.drafter_note(block)

    render_formula = render_testimonium = render_recital

    def render_conclusions(self, block: Block, depth: int) -> None:
        """Add the testimonium and the signature blocks."""
        for child in block.children:
            self.block(child)

    def render_signature_caption(self, block: Block, depth: int) -> None:
        """Add the caption of the parties signing in a role other than signatory ('In the presence of:')."""
        self.lines += [self.emphasis(words_of(block.text(self.lang), self.words)), ""]

    def render_signature(self, block: Block, depth: int) -> None:
        """Add a signature block: 'For the Republic of Korea:', then the lines for signature, name and title."""
        lines = [words_of(block.text(self.lang), self.words)]
        lines += [words_of(line.text(self.lang), self.words) for line in block.children]
        self.lines += [self.line_break().join(lines), ""]

    def render_part(self, block: Block, depth: int) -> None:
        """Add a part's heading and its articles."""
        self.headed(2, block)
        for article in block.children:
            self.block(article)

    def render_annex(self, block: Block, depth: int) -> None:
        """Add an annex's or protocol's heading, then its articles, or its paragraphs and points."""
        self.headed(2, block)
        for child in block.children:
            self.block(child, 0)
        if not block.data.get("articles"):
            self.lines.append("")

    def render_article(self, block: Block, depth: int) -> None:
        """Add an article's heading, paragraphs and points."""
        self.headed(3, block)
        for paragraph in block.children:
            self.block(paragraph, 0)
        self.lines.append("")

    def headed(self, level: int, block: Block) -> None:
        """Add a part's, article's or annex's heading line, its footnote's mark, and its drafters' note."""
        text = block.text(self.lang)
        self.heading(level, heading_line(text, self.words) + self.marked(text))
        self.drafter_note(block)

    def render_paragraph(self, block: Block, depth: int) -> None:
        """Add a numbered paragraph, then its points."""
        text = block.text(self.lang)
        prefix = " " * 3 * depth + text.label + self.words.phrases.get("label_gap", " ")
        self.lines.append(prefix + plain_text(text, self.words, "\n" + " " * len(prefix)) + self.marked(text))
        if block.note:
            self.lines.append(" " * len(prefix) + self.note_line(block))
        for child in block.children:
            self.block(child, depth + 1)

    render_point = render_subpoint = render_paragraph

    def heading(self, level: int, text: str) -> None:
        """Add a heading line."""
        self.lines += [text, ""]

    def emphasis(self, text: str) -> str:
        """Return text as it is (Markdown puts it in italics)."""
        return text

    def line_break(self) -> str:
        """Return what ends a line within a paragraph."""
        return "\n"


class MarkdownRenderer(TextRenderer):
    """Renders a document tree in one language as Markdown: headings with #, numbers in bold, points as lists."""

    def render_paragraph(self, block: Block, depth: int) -> None:
        """Add a numbered paragraph (its points as a nested list)."""
        text = block.text(self.lang)
        prefix = f"{'  ' * (depth - 1)}- **{text.label}** " if depth else f"**{text.label}** "
        indent = "\n\n" if not depth else "\n" + " " * len(prefix)
        self.lines.append(prefix + plain_text(text, self.words, indent) + self.marked(text))
        if not depth:
            self.lines.append("")
        if block.note:
            self.lines += [f"{'  ' * depth}{self.note_line(block)}", ""]
        for child in block.children:
            self.block(child, depth + 1)
        if not depth and block.children:
            self.lines.append("")

    render_point = render_subpoint = render_paragraph

    def heading(self, level: int, text: str) -> None:
        """Add a heading line with its level's #."""
        self.lines += [f"{'#' * level} {text}", ""]

    def footnote_mark(self, number: int) -> str:
        """Return a Markdown footnote reference ([^1])."""
        return f"[^{number}]"

    def render_footnotes(self) -> None:
        """Add the Markdown footnote definitions ([^1]: …)."""
        self.lines += [f"[^{number}]: {footnote}" for number, footnote in enumerate(self.footnotes, 1)]

    def note_line(self, block: Block) -> str:
        """Return the drafters' note on a block as a quoted line in italics."""
        return f"> *{self.words.phrase('drafter_note', note=block.note)}*"

    def emphasis(self, text: str) -> str:
        """Return text in italics."""
        return f"*{text}*"

    def line_break(self) -> str:
        """Return a hard line break (a backslash at the end of the line)."""
        return "\\\n"


def render_document(agreement: Agreement, lang: str, markdown: bool = False, user_folder: Path | None = None,
                    copy_for: str | None = None, internal: bool = False, non_paper: bool = False) -> str:
    """Return the draft's text in one language, as plain text or Markdown (copy_for: the copy of that signatory;
    internal: the edition with the drafters' notes; non_paper: without attribution, marked as a non-paper)."""
    renderer = MarkdownRenderer if markdown else TextRenderer
    document = compose(agreement, [lang], user_folder, copy_for, internal, non_paper)
    return renderer(document, document.languages[0]).render()
