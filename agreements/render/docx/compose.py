"""The blocks of a draft in one language: title page, contents, preamble, parts, articles, paragraphs, points."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator
from pathlib import Path

from agreements.render.docx.blocks import LINE_BREAK, Block, Piece
from agreements.model import Agreement, Article, Part
from agreements.numbering import positions
from agreements.document.context import scope_for
from agreements.document.segments import MissingText, node_error, node_segments
from clauses.base import ClauseBase, Node
from clauses.languages import Language, language
from clauses.rendering import RenderError
from clauses.scope import Scope

MISSING = "⟨no {lang} text⟩"
CLAUSE_LEVELS = ("paragraph", "point", "subpoint")
CLAUSE_STYLES = {"paragraph": "Article Paragraph", "point": "Article Point", "subpoint": "Article Subpoint"}


def document_time(agreement: Agreement) -> datetime.datetime:
    """Return the document's date: SOURCE_DATE_EPOCH when set, else the draft's date at midnight UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return datetime.datetime.combine(agreement.meta.date, datetime.time(), datetime.timezone.utc)


class Composer:
    """Builds the blocks of one draft in one language."""

    def __init__(self, agreement: Agreement, lang: str, scope: Scope | None = None, user_folder: Path | None = None,
                 tabular: bool = False):
        self.agreement = agreement
        self.lang = lang
        self.words: Language = language(lang)
        self.scope = scope or scope_for(agreement, user_folder)
        self.where = positions(agreement)
        self.tabular = tabular

    @staticmethod
    def words_of(lang: str) -> Language:
        """Return the wording of a language."""
        return language(lang)

    def title_page(self) -> list[Block]:
        """Return the title, the parties, the round and the draft mark; the page ends after them."""
        meta, words, lang = self.agreement.meta, self.words, self.lang
        blocks = [Block(f"title:{lang}", "Title", [Piece(meta.title.get(lang, MISSING.format(lang=lang)))])]
        if meta.short_title and lang in meta.short_title:
            blocks.append(Block(f"subtitle:{lang}", "Subtitle", [Piece(meta.short_title[lang])]))
        names = [words.phrase("name_in_text", name=self.scope.name(party.id, lang))
                 for party in self.agreement.parties if party.role == "signatory"]
        blocks.append(Block(f"parties:{lang}", "Parties", [Piece(words.phrase("between", parties=words.join(names)))]))
        line = words.phrase("round", round=meta.round, version=meta.version, date=words.date(meta.date))
        blocks.append(Block(f"round:{lang}", "Parties", [Piece(line)]))
        blocks.append(Block(f"mark:{lang}", "Draft Mark", [Piece(words.phrase("draft_mark"))], page_break_after=True))
        return blocks

    def contents(self) -> list[Block]:
        """Return the contents: a heading, then a TOC field whose cached entries list the parts and articles.

        The entries carry their numbers as text (Word rewrites them when it updates the field); LibreOffice
        reads the field as an index, where Word list numbering would not survive accepting or rejecting.
        """
        blocks = [Block("contents", "TOC Heading", [Piece(self.words.phrase("contents"))], unnumbered=True),
                  Block("contents:begin", "toc 1", field="begin")]
        for node in self._headings():
            style = "toc 1" if isinstance(node, Part) else "toc 2"
            blocks.append(Block(f"toc:{node.id}", style, [Piece(self._contents_line(node))]))
        blocks.append(Block("contents:end", "toc 1", field="end", page_break_after=True))
        return blocks

    def _contents_line(self, node: Part | Article) -> str:
        """Return 'Article 7 — Definitions' for the contents."""
        label = self.where[node.id].label(self.words)
        if node.heading and self.lang in node.heading:
            return self.words.phrase("heading", label=label, title=node.heading[self.lang])
        return label

    def body(self) -> Iterator[Block]:
        """Yield the preamble and the body: part and article headings, paragraphs and points."""
        if self.agreement.preamble:
            yield Block("preamble", "Preamble Heading", [Piece(self.words.phrase("preamble"))])
            for recital in self.agreement.preamble:
                yield self._text_block(recital, "Recital", None)
        for top in self.agreement.body:
            if isinstance(top, Part):
                yield Block(f"node:{top.id}", "Heading 1", self._heading_pieces(top), level="part")
                for article in top.children:
                    yield from self._article(article)
            else:
                yield from self._article(top)

    def _article(self, article: Article) -> Iterator[Block]:
        """Yield an article heading, then its paragraphs and points."""
        yield Block(f"node:{article.id}", "Heading 2", self._heading_pieces(article), level="article")
        for paragraph in article.children:
            yield from self._clause(paragraph, 0)

    def _clause(self, node: ClauseBase, depth: int) -> Iterator[Block]:
        """Yield a paragraph or point, then its points."""
        level = CLAUSE_LEVELS[min(depth, len(CLAUSE_LEVELS) - 1)]
        yield self._text_block(node, CLAUSE_STYLES[level], level)
        for child in node.children:
            yield from self._clause(child, depth + 1)

    def _headings(self) -> list[Part | Article]:
        """Return the parts and articles in order."""
        found: list[Part | Article] = []
        for top in self.agreement.body:
            found.append(top)
            if isinstance(top, Part):
                found.extend(top.children)
        return found

    def _heading_pieces(self, node: Part | Article) -> list[Piece]:
        """Return a heading's text after its number ('— Definitions', '정의')."""
        if node.heading and self.lang in node.heading:
            return [Piece(self.words.phrase("word_heading", title=node.heading[self.lang]))]
        return []

    def _text_block(self, node: Node, style: str, level: str | None) -> Block:
        """Return a node's paragraph: its text with brackets, comments on proposers, positions and translation."""
        block = Block(f"node:{node.id}", style, level=level)
        if self.tabular or node.open_alternatives():
            block.alignment = "left"
        try:
            segments = node_segments(node, self.lang, self.scope)
        except MissingText:
            block.pieces = [Piece(MISSING.format(lang=self.lang), italic=True)]
            return block
        except RenderError as error:
            raise node_error(self.agreement, node.id, str(error), error.code) from None
        block.pieces = self._pieces(segments)
        block.comment = self._state_comment(node)
        return block

    def _pieces(self, segments) -> list[Piece]:
        """Return segments as pieces: plain text, and each option in brackets with a comment on its proposers."""
        words, pieces = self.words, []
        for segment in segments:
            if isinstance(segment, str):
                pieces.append(Piece(segment))
                continue
            for index, option in enumerate(segment.options):
                if index:
                    pieces.append(Piece(" " if segment.inline else LINE_BREAK))
                pieces.append(self._option(option, words))
        return pieces

    def _option(self, option, words: Language) -> Piece:
        """Return one bracketed option, commented with who proposed it."""
        if option.letter is None:
            text = words.phrase("bracketed", text=option.text)
        else:
            text = words.phrase("option_plain", option=words.phrase("option", letter=option.letter), text=option.text)
        comment = None
        if option.proposers:
            names = ", ".join(self.scope.short_name(party, self.lang) for party in option.proposers)
            comment = words.phrase("proposed_by", proposers=names)
        return Piece(text, comment)

    def _state_comment(self, node: Node) -> str | None:
        """Return the comment on the parties' positions and a translation that is not final, or None."""
        words, notes = self.words, []
        if node.positions:
            stated = [words.phrase("position_note" if position.note else "position",
                                   party=self.scope.short_name(party, self.lang), stance=words.term(position.stance, "stances"),
                                   note=position.note or "")
                      for party, position in node.positions.items()]
            notes.append(words.phrase("positions", positions="; ".join(stated)))
        status = node.translation.get(self.lang)
        if status and status != "final":
            notes.append(words.phrase("translation_status", status=words.term(status, "translation")))
        return "\n".join(notes) or None


# The body's last paragraph: never changed, never tracked, and not empty to LibreOffice (it holds an empty
# field), so paragraphs inserted or deleted before it come and go whole when changes are accepted or rejected.
END = Block("end", "Normal", field="anchor")
