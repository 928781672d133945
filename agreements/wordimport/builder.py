"""Placing a document's paragraphs, one after another, into the title, preamble, parts, articles, paragraphs and
points of a draft, each paragraph's footnotes and comments on the node it becomes.

- An article's number is followed by its heading only where the document has one: a title in brackets
  ('제1조(목적)', '第一条（目的）'), or the rest of the line when it reads as a heading ('Article 7 — Definitions',
  'ARTICLE 3. CONFIDENTIALITY'), or, after a number alone, the next line when it reads as one ('Clause 1' then
  'Purpose and scope'). Otherwise the text after the number is the article's first paragraph.
- Numbered paragraphs nest by their numbering: a style, a decimal number or a Word list level says how deep;
  otherwise a numbering already open keeps its depth and a new one opens below the numbered paragraph before it
  ('①' then '1.' then '가.'), while '(i)' right after '(h)' is the ninth point.
- Text before the first article is the preamble, numbered text keeping its number; text under a part heading
  before its first article is an article of that part without a heading.
"""

from __future__ import annotations

from clauses.base import MAX_TEXT, NOT_IN_DOCUMENTS
from clauses.errors import InputError
from agreements.wordimport.headings import article_line, reads_as_heading
from agreements.wordimport.outline import LIST, Outline
from agreements.wordimport.patterns import Reading, read_text
from agreements.wordimport.source import BodyParagraph

LEVELS = ("paragraph", "point", "subpoint")
STYLED_DEPTHS = {"paragraph": 0, "point": 1, "subpoint": 2}


class TreeBuilder:
    """Places readings one after another into parts, articles, paragraphs and points."""

    def __init__(self, lang: str, path: str, plan: Outline | None = None):
        self.lang, self.path, self.plan = lang, path, plan or Outline()
        self.title: str | None = None
        self.short_title: str | None = None
        self.preamble: list[dict] = []
        self.body: list[dict] = []
        self.annexes: list[dict] = []
        self.part: dict | None = None
        self.annex: dict | None = None  # the open annex or protocol: what follows goes in it
        self.article: dict | None = None
        self.stack: list[tuple[dict, Reading]] = []  # open paragraph, point, subpoint
        self.awaiting: dict | None = None  # a part or article whose number stood alone: its heading may follow
        self.counts = {"part": 0, "article": 0}
        self.used: set[str] = set()
        self.unplaced: list[str] = []
        self.notes: list[str] = []

    def add(self, source: BodyParagraph, reading: Reading) -> None:
        """Place one paragraph, read and placed by the outline, with its footnotes and comments."""
        awaiting, self.awaiting = self.awaiting, None
        if awaiting is not None and self._heading_of(awaiting, reading):
            node = awaiting
        else:
            node = getattr(self, f"_{reading.kind}")(reading, source)
        self._annotate(node, source)

    def _heading_of(self, node: dict, reading: Reading) -> bool:
        """Take a line set apart after a number alone as the heading of its part or article, if it reads as one."""
        plain = reading.kind in ("text", "item") and not reading.written and reading.family != LIST
        if not plain or not reads_as_heading(reading.text):
            return False
        node["heading"] = {self.lang: reading.text}
        return True

    def _annotate(self, node: dict | None, source: BodyParagraph) -> None:
        """Put a paragraph's footnotes on its node as a footnote, its comments as the drafters' note."""
        if node is None:
            self.notes += [f"paragraph {source.index}: footnote not placed: {text}" for text in source.footnotes]
            self.notes += [f"paragraph {source.index}: comment not placed: {text}" for text in source.comments]
            return
        if source.footnotes:
            known = node.get("footnote", {}).get(self.lang)
            footnote = "\n".join([*([known] if known else []), *source.footnotes])
            node["footnote"] = {self.lang: clean(footnote, self.path, source.index)}
        if source.comments:
            note = "\n".join([*([node["note"]] if node.get("note") else []), *source.comments])
            node["note"] = clean(note, self.path, source.index)

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

    def _recital(self, reading: Reading, source: BodyParagraph) -> dict:
        """Add a recital to the preamble."""
        recital = {"id": f"preamble.r{len(self.preamble) + 1}", "text": {self.lang: reading.text}}
        self.preamble.append(recital)
        return recital

    def _part(self, reading: Reading, source: BodyParagraph) -> dict:
        """Open a part (its heading the rest of its line, else the line itself until a heading follows)."""
        self.counts["part"] += 1
        number = reading.number or self.counts["part"]
        self.part = {"id": self._unique(f"part-{number}"), "kind": "part",
                     "heading": {self.lang: reading.text or source.text.strip()}, "children": [], "_number": number}
        self.body.append(self.part)
        self.annex, self.article, self.stack = None, None, []
        if not reading.text:
            self.awaiting = self.part
        return self.part

    def _annex(self, reading: Reading, source: BodyParagraph) -> dict:
        """Open an annex (or a protocol): its articles, or its paragraphs, follow."""
        kind = reading.kind
        self.annex = {"id": f"{kind}-{len(self.annexes) + 1}", "kind": kind, "children": [],
                      "heading": {self.lang: reading.text or source.text.strip()}}
        self.annexes.append(self.annex)
        self.part, self.article, self.stack = None, None, []
        return self.annex

    _protocol = _annex

    def _article(self, reading: Reading, source: BodyParagraph) -> dict:
        """Open an article, in the open part or annex; the rest of its line is its heading or its first paragraph."""
        heading, first = article_line(reading.text, styled=reading.level is not None)
        article = self._open_article(reading.number, reading.branch)
        if reading.written:
            article["_typed"] = True
        if heading:
            article["heading"] = {self.lang: heading}
        elif not first:
            self.awaiting = article
        if not first:
            return article
        inner = read_text(first)
        return self._clause(inner if inner.kind in ("paragraph", "point", "roman") else Reading("text", "", first),
                            source)

    def _opens_section(self, head: int) -> bool:
        """Return whether a subclause ('2.1') opens section 2: not open yet, or after a lower typed one ('Clause 1')."""
        number = self.article.get("_number") if self.article is not None else None
        if self.plan.opens_articles:
            return number != head
        return self.article is not None and self.article.get("_typed", False) and number is not None and head > number

    def _open_article(self, number: int | None, branch: str = "") -> dict:
        """Add an article (numbered as typed, else by its place) to the open annex, part or body; return it."""
        self.counts["article"] += 1
        number = number or self.counts["article"]
        node_id = f"art-{number}-{branch}" if branch else f"art-{number}"
        article = {"id": self._unique(node_id), "kind": "article", "children": [], "_number": number}
        if self.annex is not None:
            article = {"id": f"{self.annex['id']}.art-{len(self.annex['children']) + 1}", "kind": "article",
                       "children": []}
        return self._opened(article)

    def _opened(self, article: dict) -> dict:
        """Add an article to the open annex, part or body and make it the open one; return it."""
        (self.annex or self.part or {"children": self.body})["children"].append(article)
        self.article, self.stack = article, []
        return article

    def _clause(self, reading: Reading, source: BodyParagraph) -> dict:
        """Place a paragraph, a point or unnumbered text: in the open article or annex, else in the preamble (a
        recital keeping its number) or the open part (an article of it without a heading)."""
        if reading.kind == "subclause" and self.annex is None and self._opens_section(reading.head):
            self._open_article(reading.head)
        if self.article is None and self.annex is None:
            if self.part is None:
                return self._recital(Reading("recital", "", _kept(reading, source)), source)
            self._opened({"id": self._unique(f"{self.part['id']}-text"), "kind": "article", "children": []})
        reading = self._as_letter(reading)
        return self._place(reading, self._depth(reading))

    _text = _subclause = _paragraph = _point = _subpoint = _roman = _item = _clause

    def _depth(self, reading: Reading) -> int:
        """Return how deep a paragraph goes below the open article (0: a paragraph, 1: a point, 2: a subpoint)."""
        if reading.kind == "text" and reading.level is None:
            return 0
        if reading.kind in STYLED_DEPTHS and not reading.family:
            return STYLED_DEPTHS[reading.kind]
        if reading.level is not None:
            return reading.level
        open_families = [entry.family for _, entry in self.stack]
        if reading.family in open_families:
            return open_families.index(reading.family)
        if self.stack and self.stack[-1][1].kind != "text":
            return len(self.stack)
        return 0 if reading.kind == "paragraph" else len(self.stack)

    def _as_letter(self, reading: Reading) -> Reading:
        """Return '(i)', '(v)', '(x)' … as the next point of an open lettered list ('(h)' then '(i)'), else as read."""
        if reading.kind != "roman":
            return reading
        for _, entry in self.stack:
            if entry.kind == "point" and entry.letter is not None and reading.letter == entry.letter + 1:
                return Reading("point", reading.written, reading.text, family=entry.family)
        return reading

    def _place(self, reading: Reading, depth: int) -> dict:
        """Add a text clause at a depth below the open article or annex; return it."""
        depth = min(depth, len(self.stack), len(LEVELS) - 1)
        del self.stack[depth:]
        holder = self.stack[-1][0] if self.stack else self.article or self.annex
        count = len(holder.get("children", []))
        suffix = f"p{count + 1}" if depth == 0 else _point_id(count)
        node = {"id": f"{holder['id']}.{suffix}", "kind": "text", "text": {self.lang: reading.text}}
        holder.setdefault("children", []).append(node)
        self.stack.append((node, reading))
        return node

    def _unique(self, node_id: str) -> str:
        """Return an id not used yet by a part or article ('art-7', else 'art-7-2')."""
        candidate, count = node_id, 1
        while candidate in self.used:
            count += 1
            candidate = f"{node_id}-{count}"
        self.used.add(candidate)
        return candidate


def _kept(reading: Reading, source: BodyParagraph) -> str:
    """Return a paragraph's text with its number, as a recital keeps it ('a) que, …')."""
    return source.text.strip() if reading.written else reading.text


def _point_id(count: int) -> str:
    """Return the id suffix of the next point ('a', 'b', … 'z', 'aa', …)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[count] if count < 26 else f"{letters[count // 26 - 1]}{letters[count % 26]}"


def clean(text: str, path: str, index: int) -> str:
    """Return a paragraph's text without characters an agreement cannot hold; refuse one that is too long."""
    if len(text) > MAX_TEXT:
        message = f"{path}: paragraph {index} has {len(text):,} characters; the limit is {MAX_TEXT:,}"
        raise InputError(message, "PD-E087")
    return NOT_IN_DOCUMENTS.sub(" ", text)
