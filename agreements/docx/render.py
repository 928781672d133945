"""A draft as a Word document: title page, contents, preamble, parts and articles numbered by Word, marks as comments."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from docx.oxml.ns import qn

from agreements.docx import ooxml
from agreements.docx.writer import WordWriter
from agreements.errors import DraftError, Location, Problem
from agreements.model import Agreement, Article, Part
from agreements.numbering import positions
from agreements.scope import scope_for
from agreements.segments import Bracket, MissingText, node_segments
from agreements.tree import iter_models
from clauses.base import ClauseBase, Node
from clauses.language import language
from clauses.rendering import RenderError

MISSING = "⟨no {lang} text⟩"
LEVELS = ("paragraph", "point", "subpoint")


def document_time(agreement: Agreement) -> datetime.datetime:
    """Return the document's date: SOURCE_DATE_EPOCH when set, else the draft's date at midnight UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return datetime.datetime.combine(agreement.meta.date, datetime.time(), datetime.timezone.utc)


class WordRenderer:
    """Writes one draft in one language, or in all its languages side by side."""

    def __init__(self, agreement: Agreement, languages: list[str], user_folder: Path | None = None):
        self.agreement = agreement
        self.languages = languages
        self.writer = WordWriter(languages[0], document_time(agreement))
        self.scope = scope_for(agreement, user_folder)
        self.words = {lang: language(lang) for lang in languages}
        self.where = positions(agreement)
        for index, lang in enumerate(languages):
            self.writer.add_lists(lang, self.words[lang], 10 + 2 * index)
        self.writer.tie_styles_to_lists(languages[0])
        self.table = None

    def render(self) -> bytes:
        """Return the document's bytes."""
        first = self.languages[0]
        self._title_page()
        self._contents()
        if len(self.languages) > 1:
            self.table = self._parallel_table()
        self._preamble()
        for top in self.agreement.body:
            if isinstance(top, Part):
                self._row(top, "part")
                for article in top.children:
                    self._article(article)
            else:
                self._article(top)
        meta = self.agreement.meta
        words = self.words[first]
        header = words.phrase("draft_header", round=meta.round, version=meta.version, date=words.date(meta.date))
        self.writer.header_and_footer(header, first)
        return self.writer.save(meta.title.get(first, ""), first)

    def _title_page(self) -> None:
        """Write the title, the parties, the round and the draft mark, then start a new page."""
        meta = self.agreement.meta
        for lang in self.languages:
            words = self.words[lang]
            self.writer.text(self.writer.paragraph("Title"), meta.title.get(lang, MISSING.format(lang=lang)), lang)
            if meta.short_title and lang in meta.short_title:
                self.writer.text(self.writer.paragraph("Subtitle"), meta.short_title[lang], lang)
            names = [words.phrase("name_in_text", name=self.scope.name(party.id, lang))
                     for party in self.agreement.parties if party.role == "signatory"]
            self.writer.text(self.writer.paragraph("Parties"), words.phrase("between", parties=words.join(names)), lang)
            line = words.phrase("round", round=meta.round, version=meta.version, date=words.date(meta.date))
            self.writer.text(self.writer.paragraph("Parties"), line, lang)
            self.writer.text(self.writer.paragraph("Draft Mark"), words.phrase("draft_mark"), lang)
        self.writer.page_break()

    def _contents(self) -> None:
        """Write a table-of-contents field whose cached entries already list the parts and articles."""
        lang, words = self.languages[0], self.words[self.languages[0]]
        self.writer.text(self.writer.paragraph("TOC Heading", numbering=(0, 0)), words.phrase("contents"), lang)
        entries = [(node, "toc 1" if isinstance(node, Part) else "toc 2")
                   for node in self._headings()]
        begin, code, separate, end = ooxml.field('TOC \\o "1-2" \\h \\z \\u', [], lang)
        paragraphs = [self.writer.paragraph(style) for _, style in entries] or [self.writer.paragraph("toc 1")]
        paragraphs[0].append(begin), paragraphs[0].append(code), paragraphs[0].append(separate)
        for (node, _), paragraph in zip(entries, paragraphs):
            self.writer.text(paragraph, self._heading_line(node, lang), lang)
        paragraphs[-1].append(end)
        self.writer.page_break()

    def _headings(self) -> list[Part | Article]:
        """Return the parts and articles in order."""
        found: list[Part | Article] = []
        for top in self.agreement.body:
            found.append(top)
            if isinstance(top, Part):
                found.extend(top.children)
        return found

    def _heading_line(self, node: Part | Article, lang: str) -> str:
        """Return 'Article 7 — Heading' for the contents."""
        words = self.words[lang]
        label = self.where[node.id].label(words)
        return words.phrase("heading", label=label, title=node.heading[lang]) if node.heading and lang in node.heading else label

    def _parallel_table(self):
        """Start the side-by-side table with one column per language."""
        table = self.writer.document.add_table(rows=0, cols=len(self.languages))
        table.style = self.writer.document.styles["Table Grid"]
        header = table.add_row()
        for cell, lang in zip(header.cells, self.languages):
            self._clear(cell)
            self.writer.text(self.writer.paragraph("Cell Text", container=cell._tc, alignment="center"),
                             self.words[lang].phrase("language_name"), lang, bold=True)
        return table

    def _containers(self) -> list:
        """Return where the next node goes in each language: the body, or the cells of a new table row."""
        if self.table is None:
            return [None]
        row = self.table.add_row()
        for cell in row.cells:
            self._clear(cell)
        return [cell._tc for cell in row.cells]

    @staticmethod
    def _clear(cell) -> None:
        """Remove the empty paragraph a new table cell starts with."""
        for paragraph in cell._tc.findall(qn("w:p")):
            cell._tc.remove(paragraph)

    def _preamble(self) -> None:
        """Write the preamble's heading and recitals."""
        if not self.agreement.preamble:
            return
        for container, lang in zip(self._containers(), self.languages):
            paragraph = self.writer.paragraph("Preamble Heading", container=container)
            self.writer.text(paragraph, self.words[lang].phrase("preamble"), lang)
        for recital in self.agreement.preamble:
            for container, lang in zip(self._containers(), self.languages):
                alignment = "left" if self.table is not None or self._has_whole_options(recital) else None
                self._clause_text(self.writer.paragraph("Recital", container=container, alignment=alignment), recital, lang)

    def _article(self, article: Article) -> None:
        """Write an article heading, then its paragraphs and points."""
        self._row(article, "article")
        for paragraph in article.children:
            self._clause(paragraph, 0)

    def _row(self, node: Part | Article, level: str) -> None:
        """Write a numbered part or article heading in each language."""
        style = "Heading 1" if level == "part" else "Heading 2"
        for container, lang in zip(self._containers(), self.languages):
            numbering = self.writer.numbering_for(lang, level) if self.table is not None else None
            paragraph = self.writer.paragraph(style, numbering, container)
            if node.heading and lang in node.heading:
                self.writer.text(paragraph, self.words[lang].phrase("word_heading", title=node.heading[lang]), lang)

    def _clause(self, node: ClauseBase, depth: int) -> None:
        """Write a numbered paragraph or point in each language, then its points."""
        level = LEVELS[min(depth, len(LEVELS) - 1)]
        style = {"paragraph": "Article Paragraph", "point": "Article Point", "subpoint": "Article Subpoint"}[level]
        for container, lang in zip(self._containers(), self.languages):
            numbering = self.writer.numbering_for(lang, level) if self.table is not None else None
            alignment = "left" if self.table is not None or self._has_whole_options(node) else None
            self._clause_text(self.writer.paragraph(style, numbering, container, alignment), node, lang)
        for child in node.children:
            self._clause(child, depth + 1)

    @staticmethod
    def _has_whole_options(node: Node) -> bool:
        """Return whether a node has open alternatives (whole options break lines, so they are not justified)."""
        return bool(node.open_alternatives())

    def _clause_text(self, paragraph, node: Node, lang: str) -> None:
        """Write a node's text with its brackets, and comment on proposers, positions and translation."""
        try:
            segments = node_segments(node, lang, self.scope)
        except MissingText:
            self.writer.text(paragraph, MISSING.format(lang=lang), lang, italic=True)
            return
        except RenderError as error:
            raise self._located(node, str(error)) from None
        runs = self._write_segments(paragraph, segments, lang)
        if runs:
            self._comment_on_state(node, runs, lang)

    def _write_segments(self, paragraph, segments, lang: str) -> list:
        """Write text and options; return the runs written."""
        words, runs = self.words[lang], []
        for segment in segments:
            if isinstance(segment, str):
                runs.append(self.writer.text(paragraph, segment, lang))
                continue
            for index, option in enumerate(segment.options):
                if index:
                    separator = self.writer.text(paragraph, " ", lang)
                    if not segment.inline:
                        separator.append(ooxml.element("w:br"))
                runs.append(self._option(paragraph, option, segment, lang))
        return runs

    def _option(self, paragraph, option, segment: Bracket, lang: str):
        """Write one bracketed option and comment on who proposed it."""
        words = self.words[lang]
        if option.letter is None:
            text = words.phrase("bracketed", text=option.text)
        else:
            text = words.phrase("option_plain", option=words.phrase("option", letter=option.letter), text=option.text)
        run = self.writer.text(paragraph, text, lang)
        if option.proposers:
            names = ", ".join(self.scope.short_name(party, lang) for party in option.proposers)
            self.writer.comment(run, run, words.phrase("proposed_by", proposers=names))
        return run

    def _comment_on_state(self, node: Node, runs: list, lang: str) -> None:
        """Comment on the parties' positions and on a translation that is not final."""
        words = self.words[lang]
        notes = []
        if node.positions:
            stated = [words.phrase("position_note" if position.note else "position",
                                   party=self.scope.short_name(party, lang), stance=words.term(position.stance),
                                   note=position.note or "")
                      for party, position in node.positions.items()]
            notes.append(words.phrase("positions", positions="; ".join(stated)))
        status = node.translation.get(lang)
        if status and status != "final":
            notes.append(words.phrase("translation_status", status=words.term(status)))
        if notes:
            self.writer.comment(runs[0], runs[-1], "\n".join(notes))

    def _located(self, node: Node, message: str) -> DraftError:
        """Return an error located at a node of the draft."""
        source = self.agreement.source
        paths = {visit.model.id: visit.path for visit in iter_models(self.agreement) if isinstance(visit.model, Node)}
        location = source.locate(paths.get(node.id, ())) if source else Location("<draft>")
        return DraftError([Problem(location, node.id, message)])


def render_docx(agreement: Agreement, lang: str, user_folder: Path | None = None) -> bytes:
    """Return the draft as a Word document in one language, or side by side in all its languages ('parallel')."""
    languages = list(agreement.meta.languages) if lang == "parallel" else [lang]
    return WordRenderer(agreement, languages, user_folder).render()
