"""A Word agreement as a clause tree of `text` nodes: title, preamble, parts, articles, paragraphs and points.

Each body paragraph is read by its style (peacedraft's own, Word's headings) or by the number it starts with;
Word list numbering (w:numPr) places paragraphs and points that carry no typed number. Tracked changes are
read as if accepted. What cannot be placed is reported, never dropped silently.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from clauses.errors import InputError
from agreements.wordimport.patterns import Reading, read_style, read_text
from agreements.wordimport.source import BodyParagraph
from clauses.base import MAX_TEXT, NOT_IN_DOCUMENTS

LEVELS = ("paragraph", "point", "subpoint")


@dataclass
class Imported:
    """The tree read from a document, as plain draft data, and what could not be placed."""

    data: dict
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # every body paragraph's text, in order

    def counts(self) -> str:
        """Return what was read, e.g. '24 articles, 96 paragraphs and points, 5 recitals'."""
        articles = [node for top in self.data["body"]
                    for node in (top["children"] if top["kind"] == "part" else [top])]
        clauses = sum(_count(child) for article in articles for child in article.get("children", []))
        parts = sum(top["kind"] == "part" for top in self.data["body"])
        found = [(parts, "part"), (len(articles), "article"), (clauses, "paragraph or point"),
                 (len(self.data["preamble"]), "recital"), (len(self.data.get("annexes", [])), "annex or protocol")]
        return ", ".join(f"{number} {_plural(noun, number)}" for number, noun in found if number or noun == "article")


class TreeBuilder:
    """Places readings one after another into parts, articles, paragraphs and points."""

    def __init__(self, lang: str, path: str):
        self.lang, self.path = lang, path
        self.title: str | None = None
        self.short_title: str | None = None
        self.preamble: list[dict] = []
        self.body: list[dict] = []
        self.annexes: list[dict] = []
        self.part: dict | None = None
        self.annex: dict | None = None  # the open annex or protocol: what follows goes in it
        self.article: dict | None = None
        self.stack: list[tuple[dict, Reading]] = []  # open paragraph, point, subpoint
        self.counts = {"part": 0, "article": 0}
        self.unplaced: list[str] = []

    def add(self, source: BodyParagraph) -> None:
        """Place one paragraph."""
        text = _clean(source.text, self.path, source.index)
        if not text.strip():
            return
        reading = read_style(source.style, text) or self._by_list(read_text(text), source)
        handler = getattr(self, f"_{reading.kind}")
        handler(reading, source)

    def _by_list(self, reading: Reading, source: BodyParagraph) -> Reading:
        """Return a plain paragraph in a Word list as the paragraph or point its list level makes it."""
        if reading.kind != "text" or source.list_level is None or self.article is None:
            return reading
        return Reading(LEVELS[min(source.list_level, 2)], "", reading.text)

    def _skip(self, reading: Reading, source: BodyParagraph) -> None:
        """Leave out a paragraph of the title page or the contents."""

    def _title(self, reading: Reading, source: BodyParagraph) -> None:
        """Take the instrument's title (a second one is a subtitle)."""
        if self.title is None:
            self.title = reading.text
        elif self.short_title is None:
            self.short_title = reading.text

    def _subtitle(self, reading: Reading, source: BodyParagraph) -> None:
        """Take the instrument's short title."""
        self.short_title = self.short_title or reading.text

    def _preamble(self, reading: Reading, source: BodyParagraph) -> None:
        """Note the preamble's heading (its recitals follow)."""

    def _recital(self, reading: Reading, source: BodyParagraph) -> None:
        """Add a recital to the preamble."""
        number = len(self.preamble) + 1
        self.preamble.append({"id": f"preamble.r{number}", "text": {self.lang: reading.text}})

    def _part(self, reading: Reading, source: BodyParagraph) -> None:
        """Open a part."""
        self.counts["part"] += 1
        number = reading.number or self.counts["part"]
        heading = reading.text or source.text.strip()
        self.part = {"id": self._unique(f"part-{number}"), "kind": "part", "heading": {self.lang: heading},
                     "children": [], "_number": number}
        self.body.append(self.part)
        self.annex, self.article, self.stack = None, None, []

    def _annex(self, reading: Reading, source: BodyParagraph) -> None:
        """Open an annex (or a protocol): its articles, or its paragraphs, follow."""
        kind = reading.kind
        self.annex = {"id": f"{kind}-{len(self.annexes) + 1}", "kind": kind, "children": [],
                      "heading": {self.lang: reading.text or source.text.strip()}}
        self.annexes.append(self.annex)
        self.part, self.article, self.stack = None, None, []

    _protocol = _annex

    def _article(self, reading: Reading, source: BodyParagraph) -> None:
        """Open an article, in the open part if there is one."""
        self.counts["article"] += 1
        number = reading.number or self.counts["article"]
        self.article = {"id": self._unique(f"art-{number}"), "kind": "article", "children": [], "_number": number}
        if reading.text:
            self.article["heading"] = {self.lang: reading.text}
        if self.annex is not None:
            self.article["id"] = f"{self.annex['id']}.art-{len(self.annex['children']) + 1}"
            del self.article["_number"]
        (self.annex or self.part or {"children": self.body})["children"].append(self.article)
        self.stack = []

    def _text(self, reading: Reading, source: BodyParagraph) -> None:
        """Place unnumbered text: the title first, a recital before the first article, else a paragraph."""
        if self.article is None and self.annex is None:
            if self.title is None and not self.preamble and self.part is None:
                self.title = reading.text
                return
            if self.part is not None:
                self.unplaced.append(f"paragraph {source.index}: text between a part heading and its first article")
                return
            self._recital(reading, source)
            return
        self._clause(Reading("paragraph", "", reading.text), 0)

    def _paragraph(self, reading: Reading, source: BodyParagraph) -> None:
        """Add a numbered paragraph to the open article."""
        self._in_article(reading, source, 0)

    def _point(self, reading: Reading, source: BodyParagraph) -> None:
        """Add a point to the open paragraph."""
        self._in_article(reading, source, 1)

    def _subpoint(self, reading: Reading, source: BodyParagraph) -> None:
        """Add a subpoint to the open point."""
        self._in_article(reading, source, 2)

    def _roman(self, reading: Reading, source: BodyParagraph) -> None:
        """Add '(i)', '(ii)' …: the next letter after '(h)', the next of a roman list, else a subpoint."""
        point = self.stack[1][1] if len(self.stack) > 1 else None
        if point is None:
            depth = 1
        elif point.kind == "roman":
            depth = 1 if point.number is not None and reading.number == point.number + 1 else 2
        else:
            depth = 1 if point.letter is not None and reading.letter == point.letter + 1 else 2
        kind = "roman" if depth == 1 and (point is None or point.kind == "roman") else LEVELS[depth]
        self._in_article(Reading(kind, reading.written, reading.text), source, depth)

    def _in_article(self, reading: Reading, source: BodyParagraph, depth: int) -> None:
        """Add a paragraph or point inside the open article (or annex), or report it when none is open."""
        if self.article is None and self.annex is None:
            self.unplaced.append(f"paragraph {source.index}: numbered text before the first article")
            return
        self._clause(reading, min(depth, len(self.stack)))

    def _clause(self, reading: Reading, depth: int) -> None:
        """Add a text clause at a depth below the open article."""
        del self.stack[depth:]
        holder = self.stack[-1][0] if self.stack else self.article or self.annex
        count = len(holder.get("children", []))
        suffix = f"p{count + 1}" if depth == 0 else _point_id(count)
        node = {"id": f"{holder['id']}.{suffix}", "kind": "text", "text": {self.lang: reading.text}}
        holder.setdefault("children", []).append(node)
        self.stack.append((node, reading))

    def _unique(self, node_id: str) -> str:
        """Return an id not used yet by a part or article ('art-7', else 'art-7-2')."""
        used = {item["id"] for item in self.body} | {child["id"] for item in self.body
                                                   for child in item.get("children", []) if item["kind"] == "part"}
        candidate, count = node_id, 1
        while candidate in used:
            count += 1
            candidate = f"{node_id}-{count}"
        return candidate


def _count(node: dict) -> int:
    """Return a clause and everything below it, counted."""
    return 1 + sum(_count(child) for child in node.get("children", []))


def _plural(noun: str, number: int) -> str:
    """Return 'article' or 'articles', 'paragraph or point' or 'paragraphs and points'."""
    if number == 1:
        return noun
    plurals = {"paragraph or point": "paragraphs and points", "annex or protocol": "annexes and protocols"}
    return plurals.get(noun, f"{noun}s")


def _point_id(count: int) -> str:
    """Return the id suffix of the next point ('a', 'b', … 'z', 'aa', …)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[count] if count < 26 else f"{letters[count // 26 - 1]}{letters[count % 26]}"


def _clean(text: str, path: str, index: int) -> str:
    """Return a paragraph's text without characters an agreement cannot hold; refuse one that is too long."""
    if len(text) > MAX_TEXT:
        message = f"{path}: paragraph {index} has {len(text):,} characters; the limit is {MAX_TEXT:,}"
        raise InputError(message, "PD-E087")
    return NOT_IN_DOCUMENTS.sub(" ", text)


def build_tree(body: list[BodyParagraph], lang: str, path: str, date: datetime.date) -> Imported:
    """Return the draft data of a document's paragraphs, and the paragraphs it could not place."""
    builder = TreeBuilder(lang, path)
    for source in body:
        builder.add(source)
    notes = []
    if builder.title is None:
        notes.append("no title found: 'Imported agreement' written")
    data = {
        "peacedraft": 1,
        "meta": {"title": {lang: builder.title or "Imported agreement"}, "form": "peace_agreement", "round": 1,
                 "version": "imported", "date": date.isoformat(), "languages": [lang]},
        "parties": [{"id": f"party-{n}", "names": {lang: f"Party {n}"}, "role": "signatory"} for n in (1, 2)],
        "preamble": builder.preamble,
        "body": [_without_numbers(node) for node in builder.body],
    }
    if builder.annexes:
        data["annexes"] = builder.annexes
    if builder.short_title:
        data["meta"]["short_title"] = {lang: builder.short_title}
    notes.append("parties are not read from the text: two placeholders (party-1, party-2) written")
    numbers = {node["id"]: node["_number"] for top in builder.body
               for node in [top, *(top["children"] if top["kind"] == "part" else [])]}
    return Imported(data, builder.unplaced, notes, numbers)


def _without_numbers(node: dict) -> dict:
    """Return a part or article without the numbers kept for matching."""
    clean = {key: value for key, value in node.items() if not key.startswith("_")}
    if node["kind"] == "part":
        clean["children"] = [_without_numbers(child) for child in node["children"]]
    return clean
