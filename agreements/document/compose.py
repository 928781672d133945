"""The one walker: an agreement composed into the document tree, in one language or several side by side.

Every node's text is composed here and nowhere else: numbers and headings, each clause's template in the
scope of the draft, the options in brackets with their proposers' names, the notes on the parties'
positions, the footnotes, and the annexes after the signatures. A template that fails is reported here,
located at its node. The drafters' notes enter the tree only for an internal edition; a non-paper is composed
from the draft without attribution (document/nonpaper.py), its mark in the header, the draft mark and
the settings, and its neutral author in the settings for Word.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
from pathlib import Path

from agreements.document.blocks import Block, BlockText, Date, Document, Foreign, Inline, Option, RegistryEntry
from agreements.document.context import scope_for
from agreements.document.copies import check_copy_for, in_variants, ordered
from agreements.document.formulas import Formulas
from agreements.document.nonpaper import non_paper_author, non_paper_mark, without_attribution
from agreements.document.segments import MissingText, node_error, node_segments, own_text, referred
from agreements.index import index_of
from agreements.model import Agreement, Annex, Article, Part
from agreements.numbering import NodeNumber
from clauses.base import ClauseBase, Node
from clauses.languages import Language, language, written_in
from clauses.numerals import chinese_numeral
from clauses.rendering import RenderError
from clauses.scope import Scope

CLAUSE_LEVELS = ("paragraph", "point", "subpoint")
DATE_MARK = "\x00"
PIECE_MARK = re.compile("\x01([0-9]+)\x02")  # where a line of inlines stands in a phrase


def document_time(agreement: Agreement) -> datetime.datetime:
    """Return the document's date: SOURCE_DATE_EPOCH when set, else the draft's date at midnight UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return datetime.datetime.combine(agreement.meta.date, datetime.time(), datetime.timezone.utc)


def compose(agreement: Agreement, languages: list[str], user_folder: Path | None = None,
            copy_for: str | None = None, internal: bool = False, non_paper: bool = False) -> Document:
    """Return the document tree of a draft in one language or several (internal: with the drafters' notes;
    non_paper: without any attribution, marked as a non-paper, which is never internal)."""
    return Composer(agreement, languages, user_folder, copy_for, internal, non_paper).document()


def located_text(agreement: Agreement, node: Node, lang: str, scope: Scope) -> str:
    """Return a node's own text in a language ('' when it has none), a failing template located at the node."""
    try:
        return own_text(node, lang, scope)
    except MissingText:
        return ""
    except RenderError as error:
        raise node_error(agreement, node.id, str(error), error.code) from None


class Composer:
    """Builds the document tree of one draft in its languages."""

    def __init__(self, agreement: Agreement, languages: list[str], user_folder: Path | None = None,
                 copy_for: str | None = None, internal: bool = False, non_paper: bool = False):
        check_copy_for(agreement.parties, copy_for)
        self.copy_for = copy_for
        self.non_paper = non_paper
        self.internal = internal and not non_paper
        self.agreement = without_attribution(agreement) if non_paper else agreement
        self.languages = list(languages)
        self.words: dict[str, Language] = {lang: language(lang) for lang in self.languages}
        self.scope = scope_for(self.agreement, user_folder)
        self.index = index_of(self.agreement)
        self.formulas = Formulas(self.agreement, self.words, self.scope, copy_for)

    def document(self) -> Document:
        """Return the whole tree: the title page, the preamble, the body and the conclusions."""
        meta = self.agreement.meta
        headers = {lang: words.phrase("draft_header", round=meta.round, round_cn=chinese_numeral(meta.round),
                                      version=meta.version,
                                      date=words.date(meta.date)) for lang, words in self.words.items()}
        if self.internal:
            headers = {lang: f"{header} · {self.words[lang].phrase('internal_mark')}"
                       for lang, header in headers.items()}
        if self.non_paper:  # every page says what it is, and no more: not a draft of any side's
            headers = self._each(lambda lang, words: non_paper_mark(words))
        settings = {"title": {lang: meta.title.get(lang, "") for lang in self.languages}, "header": headers}
        if self.internal:
            settings["note_author"] = self._each(lambda lang, words: self._note_author(words))
        if self.non_paper:
            settings["non_paper_mark"] = self._each(lambda lang, words: non_paper_mark(words))
            settings["author"] = self._each(lambda lang, words: non_paper_author(words))
        blocks = [*self.front(), *self.preamble(), *self.body(), self.formulas.conclusions(), *self.annexes()]
        document = Document(self.languages, document_time(self.agreement), blocks, settings, meta, self.entries())
        in_variants(document, self.copy_for)
        return document

    def _note_author(self, words: Language) -> str:
        """Return who writes the drafters' notes: the drafting side's short name, else the phrase for drafters."""
        side = self.agreement.meta.drafted_by
        return self.scope.short_name(side, words.code) if side else words.phrase("drafting_side")

    def _each(self, make) -> dict[str, BlockText]:
        """Return a text per language, made by make(lang, words)."""
        return {lang: make(lang, words) for lang, words in self.words.items()}

    def front(self) -> list[Block]:
        """Return the title, short title, parties, round line and draft mark."""
        meta = self.agreement.meta
        blocks = [Block("title", "title", self._each(
            lambda lang, _: BlockText(inlines=[meta.title[lang]]) if lang in meta.title else BlockText(missing=True)))]
        if meta.short_title:
            texts = {lang: BlockText(inlines=[meta.short_title[lang]])
                     for lang in self.languages if lang in meta.short_title}
            blocks.append(Block("subtitle", "subtitle", texts))
        blocks.append(Block("parties", "parties", self._each(
            lambda lang, words: BlockText(inlines=[self._between(words)]))))
        blocks.append(Block("round", "round", self._each(lambda lang, words: BlockText(inlines=self._round(words)))))
        blocks.append(Block("draft_mark", "mark", self._each(
            lambda lang, words: BlockText(inlines=[self._draft_mark(words)]))))
        return blocks

    def _draft_mark(self, words: Language) -> str:
        """Return the draft mark, which an internal edition extends to say that it is internal; a non-paper's mark."""
        if self.non_paper:
            return non_paper_mark(words)
        mark = words.phrase("draft_mark")
        return f"{mark} · {words.phrase('internal_mark')}" if self.internal else mark

    def _between(self, words: Language) -> str:
        """Return 'between the Republic of Korea, … and the United States of America' (the signatories)."""
        names = [words.phrase("name_in_text", name=self.scope.name(party.id, words.code))
                 for party in ordered(self.agreement.parties, self.copy_for) if party.role == "signatory"]
        return words.phrase("between", parties=words.join(names))

    def _round(self, words: Language) -> list[Inline]:
        """Return the round line, its date marked as a date."""
        meta = self.agreement.meta
        line = words.phrase("round", round=meta.round, round_cn=chinese_numeral(meta.round), version=meta.version,
                            date=DATE_MARK)
        before, mark, after = line.partition(DATE_MARK)
        if not mark:
            return [line]
        return [part for part in (before, Date(words.date(meta.date), meta.date.isoformat()), after) if part]

    def preamble(self) -> list[Block]:
        """Return the preamble: the parties named, the recitals (headed, when there are any), the enacting formula."""
        recitals = [self.node_block(recital, "recital") for recital in self.agreement.preamble]
        opening = self.formulas.opening()
        if opening is None and not recitals:
            return []
        heading = self._each(lambda lang, words: BlockText(title=words.phrase("preamble") if recitals else None))
        children = [*([opening] if opening else []), *recitals, self.formulas.closing()]
        return [Block("preamble", "preamble", heading, children)]

    def body(self) -> list[Block]:
        """Return the parts and articles in order, each with what it holds."""
        blocks = []
        for top in self.agreement.body:
            if isinstance(top, Part):
                blocks.append(self.heading_block(top, [self.article(article) for article in top.children]))
            else:
                blocks.append(self.article(top))
        return blocks

    def article(self, article: Article) -> Block:
        """Return an article with its paragraphs and their points."""
        return self.heading_block(article, [self.clause(paragraph, 0) for paragraph in article.children])

    def annexes(self) -> list[Block]:
        """Return the annexes and protocols in order, each with its articles, or its paragraphs and their points."""
        blocks = []
        for annex in self.agreement.annexes:
            children = [self.article(child) if isinstance(child, Article) else self.clause(child, 0)
                        for child in annex.children]
            block = self.heading_block(annex, children)
            block.data = {"kind": annex.kind, "articles": bool(annex.articles())}
            blocks.append(block)
        return blocks

    def clause(self, node: ClauseBase, depth: int) -> Block:
        """Return a paragraph or point with the points below it."""
        block = self.node_block(node, CLAUSE_LEVELS[min(depth, len(CLAUSE_LEVELS) - 1)])
        block.children = [self.clause(child, depth + 1) for child in node.children]
        return block

    def heading_block(self, node: Part | Article | Annex, children: list[Block]) -> Block:
        """Return a part, article or annex: its number, heading and footnote in each language."""
        number = self.index.numbers[node.id]

        def text(lang: str, words: Language) -> BlockText:
            heading = node.heading or {}
            return BlockText(label=number.label(words), title=heading.get(lang),
                             missing=bool(heading) and lang not in heading, footnote=self._footnote(node, lang))

        return Block(number.level, f"node:{node.id}", self._each(text), children, node.id, number.numbers,
                     note=self._note(node))

    def node_block(self, node: Node, block_type: str) -> Block:
        """Return a recital, paragraph or point: its number, its text with brackets and the notes on its state."""
        number = self.index.numbers.get(node.id)
        try:
            segments = node_segments(node, self.languages, self.scope, tuple(self.agreement.meta.languages))
        except RenderError as error:
            raise node_error(self.agreement, node.id, str(error), error.code) from None
        texts = self._each(lambda lang, words: self.node_text(node, number, words, segments[lang]))
        data = {"options": True} if node.open_alternatives() else {}
        return Block(block_type, f"node:{node.id}", texts, [], node.id, number.numbers if number else (), data=data,
                     note=self._note(node))

    def _note(self, node: Node) -> str | None:
        """Return the drafters' note on a node in an internal edition (None in every other)."""
        return node.note if self.internal else None

    def _footnote(self, node: Node, lang: str) -> str | None:
        """Return a node's footnote in a language, its cross-references written out (None: it has none there)."""
        if not node.footnote or lang not in node.footnote:
            return None
        return referred(node.footnote[lang], lang, self.scope)

    def node_text(self, node: Node, number: NodeNumber | None, words: Language, segments: list | None) -> BlockText:
        """Return what a node says in one language (segments None: it has no text in the language)."""
        label = number.label(words) if number else ""
        if segments is None:
            return BlockText(label=label, missing=True)
        return BlockText(label=label, inlines=[self._named(segment, words) for segment in segments],
                         notes=self._notes(node, words), footnote=self._footnote(node, words.code))

    def _named(self, segment: Inline, words: Language) -> Inline:
        """Return a segment with its options' proposers by short name in the language."""
        if isinstance(segment, str):
            return segment
        options = tuple(Option(option.letter, tuple(self.scope.short_name(party, words.code)
                                                    for party in option.proposers), option.text)
                        for option in segment.options)
        return dataclasses.replace(segment, options=options)

    def _notes(self, node: Node, words: Language) -> list[list[Inline]]:
        """Return the parties' positions on a node and a translation not yet final, as lines in the language."""
        notes = []
        if node.positions:
            stated = [self._position(party, position, words) for party, position in node.positions.items()]
            separator = words.phrase("position_separator")
            joined = [inline for index, line in enumerate(stated) for inline in ([separator] if index else []) + line]
            notes.append(phrase_inlines(words, "positions", positions=joined))
        status = node.translation.get(words.code)
        if status and status != "final":
            notes.append([words.phrase("translation_status", status=words.term(status, "translation"))])
        return notes

    def _position(self, party: str, position, words: Language) -> list[Inline]:
        """Return one party's position as a line: its stance, and its note marked in the note's own language."""
        name, stance = self.scope.short_name(party, words.code), words.term(position.stance, "stances")
        if not position.note:
            return [words.phrase("position", party=name, stance=stance)]
        written = written_in(position.note)
        note = [position.note if written in (None, words.code) else Foreign(position.note, written)]
        return phrase_inlines(words, "position_note", party=name, stance=stance, note=note)

    def entries(self) -> list[RegistryEntry]:
        """Return the parties, bodies and zones with their names in each language."""
        found = []
        agreement = self.agreement
        for kind, items in (("party", agreement.parties), ("body", agreement.bodies), ("zone", agreement.zones)):
            for item in items:
                names = {lang: self.scope.name(item.id, lang) for lang in self.languages}
                short = {lang: self.scope.short_name(item.id, lang) for lang in self.languages
                         if getattr(item, "short_names", None)}
                found.append(RegistryEntry(item.id, kind, getattr(item, "role", None), names, short))
        return found


def phrase_inlines(words: Language, key: str, **values: list[Inline] | str) -> list[Inline]:
    """Return a phrase as a line of inlines, a placeholder given a list filled with those inlines."""
    lines = [value for value in values.values() if isinstance(value, list)]
    marked = {name: f"\x01{lines.index(value)}\x02" if isinstance(value, list) else value
              for name, value in values.items()}
    found: list[Inline] = []
    for index, part in enumerate(PIECE_MARK.split(words.phrase(key, **marked))):
        for inline in lines[int(part)] if index % 2 else [part]:
            if isinstance(inline, str) and found and isinstance(found[-1], str):
                found[-1] += inline
            elif inline:
                found.append(inline)
    return found
