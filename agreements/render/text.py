"""The document tree as plain text or Markdown in one language: numbered, with headings and brackets.

One method per block type; the blocks the text does not show (parties, draft mark) have none.
"""

from __future__ import annotations

from pathlib import Path

from agreements.document.blocks import Block, Document
from agreements.document.compose import compose
from agreements.model import Agreement
from agreements.render.plain import heading_line, plain_text, words_of
from clauses.languages import language


class TextRenderer:
    """Renders a document tree in one language as plain text."""

    markdown = False

    def __init__(self, document: Document, lang: str):
        self.document = document
        self.lang = lang
        self.words = language(lang)
        self.lines: list[str] = []

    def render(self) -> str:
        """Return the whole document."""
        for block in self.document.blocks:
            self.block(block)
        return "\n".join(self.lines).rstrip() + "\n"

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

    def render_preamble(self, block: Block, depth: int) -> None:
        """Add the preamble's heading (when it has recitals), its formulas and its recitals."""
        title = block.text(self.lang).title
        if title is not None:
            self.heading(2, title)
        for child in block.children:
            self.block(child)

    def render_recital(self, block: Block, depth: int) -> None:
        """Add a recital, its options in brackets."""
        self.lines += [plain_text(block.text(self.lang), self.words), ""]

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
        self.heading(2, heading_line(block.text(self.lang), self.words))
        for article in block.children:
            self.block(article)

    def render_article(self, block: Block, depth: int) -> None:
        """Add an article's heading, paragraphs and points."""
        self.heading(3, heading_line(block.text(self.lang), self.words))
        for paragraph in block.children:
            self.block(paragraph, 0)
        self.lines.append("")

    def render_paragraph(self, block: Block, depth: int) -> None:
        """Add a numbered paragraph, then its points."""
        text = block.text(self.lang)
        prefix = " " * 3 * depth + text.label + self.words.phrases.get("label_gap", " ")
        self.lines.append(prefix + plain_text(text, self.words, "\n" + " " * len(prefix)))
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
        self.lines.append(prefix + plain_text(text, self.words, indent))
        if not depth:
            self.lines.append("")
        for child in block.children:
            self.block(child, depth + 1)
        if not depth and block.children:
            self.lines.append("")

    render_point = render_subpoint = render_paragraph

    def heading(self, level: int, text: str) -> None:
        """Add a heading line with its level's #."""
        self.lines += [f"{'#' * level} {text}", ""]

    def emphasis(self, text: str) -> str:
        """Return text in italics."""
        return f"*{text}*"

    def line_break(self) -> str:
        """Return a hard line break (a backslash at the end of the line)."""
        return "\\\n"


def render_document(agreement: Agreement, lang: str, markdown: bool = False, user_folder: Path | None = None,
                    copy_for: str | None = None) -> str:
    """Return the draft's text in one language, as plain text or Markdown (copy_for: the copy of that signatory)."""
    renderer = MarkdownRenderer if markdown else TextRenderer
    document = compose(agreement, [lang], user_folder, copy_for)
    return renderer(document, document.languages[0]).render()
