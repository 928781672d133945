"""The whole draft as plain text or Markdown in one language: numbering, headings and brackets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from agreements.model import Agreement, Article, Part
from agreements.numbering import Position, positions
from agreements.document.context import scope_for
from agreements.document.segments import MissingText, Segment, node_error, node_segments
from clauses.base import ClauseBase, Node
from clauses.languages import Language, language
from clauses.rendering import RenderError
from clauses.scope import Scope

MISSING = "⟨no {lang} text⟩"


def format_segments(segments: list[Segment], words: Language, scope: Scope, indent: str = " ") -> str:
    """Return segments as text: options in square brackets labelled with their proposers."""
    out = []
    for segment in segments:
        if isinstance(segment, str):
            out.append(segment)
        elif segment.inline:
            out.append(" ".join(_option_text(option, words, scope, inline=True) for option in segment.options))
        else:
            out.append(indent.join(_option_text(option, words, scope, inline=False) for option in segment.options))
    return "".join(out)


def _option_text(option, words: Language, scope: Scope, inline: bool) -> str:
    """Return one bracketed option with its label and proposers."""
    proposers = ", ".join(scope.short_name(party, words.code) for party in option.proposers)
    if option.letter is None:
        return words.phrase("inline_option", text=option.text, proposers=proposers) if proposers and inline \
            else words.phrase("bracketed", text=option.text)
    label = words.phrase("option", letter=option.letter)
    if not proposers:
        return words.phrase("option_plain", option=label, text=option.text)
    return words.phrase("option_label", option=label, proposers=proposers, text=option.text)


@dataclass
class DocumentRenderer:
    """Renders one draft in one language as text or Markdown."""

    agreement: Agreement
    lang: str
    markdown: bool = False
    user_folder: Path | None = None
    lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.words = language(self.lang)
        self.scope = scope_for(self.agreement, self.user_folder)
        self.where: dict[str, Position] = positions(self.agreement)

    def render(self) -> str:
        """Return the whole document."""
        meta = self.agreement.meta
        self._heading(1, self._local(meta.title))
        round_line = self.words.phrase("round", round=meta.round, version=meta.version, date=self.words.date(meta.date))
        self.lines += [f"*{round_line}*" if self.markdown else round_line, ""]
        if self.agreement.preamble:
            self._heading(2, self.words.phrase("preamble"))
            for recital in self.agreement.preamble:
                self.lines += [self._text(recital), ""]
        for top in self.agreement.body:
            if isinstance(top, Part):
                self._heading(2, self._titled(top))
                for article in top.children:
                    self._article(article)
            else:
                self._article(top)
        return "\n".join(self.lines).rstrip() + "\n"

    def _article(self, article: Article) -> None:
        """Add an article's heading, paragraphs and points."""
        self._heading(3, self._titled(article))
        for paragraph in article.children:
            self._numbered(paragraph, depth=0)
        self.lines.append("")

    def _numbered(self, node: ClauseBase, depth: int) -> None:
        """Add a numbered paragraph or point, then its points."""
        label = self.where[node.id].label(self.words)
        pad = "   " * depth
        if self.markdown:
            prefix = f"{'  ' * (depth - 1)}- **{label}** " if depth else f"**{label}** "
        else:
            prefix = f"{pad}{label} "
        indent = "\n\n" if self.markdown and not depth else "\n" + " " * len(prefix)
        self.lines.append(prefix + self._text(node, indent=indent))
        if self.markdown and not depth:
            self.lines.append("")
        for child in node.children:
            self._numbered(child, depth + 1)
        if self.markdown and not depth and node.children:
            self.lines.append("")

    def _heading(self, level: int, text: str) -> None:
        """Add a heading line."""
        self.lines += [f"{'#' * level} {text}" if self.markdown else text, ""]

    def _titled(self, node: Part | Article) -> str:
        """Return 'Article 7 — Heading' in the language (or the label alone)."""
        label = self.where[node.id].label(self.words)
        if not node.heading:
            return label
        return self.words.phrase("heading", label=label, title=self._local(node.heading))

    def _local(self, text: dict[str, str]) -> str:
        """Return a label in the language, or the missing-text mark."""
        return text.get(self.lang) or MISSING.format(lang=self.lang)

    def _text(self, node: Node, indent: str = " ") -> str:
        """Return a node's text with its brackets, or the missing-text mark."""
        try:
            segments = node_segments(node, self.lang, self.scope)
        except MissingText:
            return MISSING.format(lang=self.lang)
        except RenderError as error:
            raise node_error(self.agreement, node.id, str(error), error.code) from None
        return format_segments(segments, self.words, self.scope, indent)


def render_document(agreement: Agreement, lang: str, markdown: bool = False, user_folder: Path | None = None) -> str:
    """Return the draft's text in one language, as plain text or Markdown."""
    return DocumentRenderer(agreement, lang, markdown, user_folder).render()
