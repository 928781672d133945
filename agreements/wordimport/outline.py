"""What each paragraph of a Word file becomes, decided over the whole document: the title, and which headings or
numbers open the parts and the articles.

- A paragraph in the Title style is the title. Else the first paragraph is, when it reads as a title and more
  text follows: unstyled, or in a heading style (outside a Word list) and no part, article or annex.
- Typed article numbers ('Article 7', 'Clause 3', 'Section 2', '§ 4', '제7조', '第七条') open the articles
  wherever a document has them; paragraphs in heading styles above theirs open parts (Heading 1, when the
  numbers are typed in plain paragraphs).
- Else heading styles do: a level whose paragraphs mostly read as headings is a level of headings; the second
  such level (the only one, when there is one) opens articles and the levels above it open parts; the
  paragraphs of the levels below it are the articles' paragraphs and points (Common Paper's agreements: sections
  in Heading 1, their subclauses written out in Heading 2 and 3).
- Else the top numbered paragraphs are the articles: the first numbering of paragraphs typed in the document
  ('1.', '一、'), else the first level of a Word list, else the first figure of decimal numbers ('2.1' and '2.2'
  are in section 2).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from agreements.wordimport.headings import reads_as_heading, reads_as_title
from agreements.wordimport.patterns import Reading

LIST = "list"  # the family of paragraphs numbered by a Word list
DECIMAL = "decimal"  # sections known only from the first figure of their decimal subclauses


@dataclass(frozen=True)
class Outline:
    """Which paragraph is the title and what opens parts and articles in one document."""

    title: int | None = None  # the position of the title, when it is not in the Title style
    part_levels: frozenset[int] = frozenset()  # heading style levels that open parts
    article_level: int | None = None  # the heading style level that opens articles
    sections: str | None = None  # the family whose numbered paragraphs are the articles
    captions: frozenset[int] = frozenset()  # headings over the text before the first article, with nothing under them

    def placed(self, position: int, reading: Reading) -> Reading:
        """Return a paragraph's reading as the tree places it: a heading as a part, an article or a paragraph."""
        if position == self.title:
            return Reading("title", "", reading.text)
        if position in self.captions:
            return Reading("text", "", reading.text)
        if reading.kind == "heading":
            return self._heading(reading)
        if self.sections is None:
            return reading
        if reading.kind == "paragraph" and reading.family == self.sections:
            return Reading("article", reading.written, reading.text, family=reading.family)
        if reading.family == LIST and self.sections == LIST:
            if reading.level == 0:
                return Reading("article", "", reading.text, family=LIST)
            return dataclasses.replace(reading, level=reading.level - 1)
        return reading

    def _heading(self, reading: Reading) -> Reading:
        """Return a paragraph in a heading style as a part, an article, an article's paragraph or plain text."""
        level = reading.level
        if level in self.part_levels:
            return dataclasses.replace(reading, kind="part")
        if level == self.article_level:
            return dataclasses.replace(reading, kind="article")
        if self.article_level is not None and level > self.article_level:
            return Reading("item", reading.written, reading.text, level - self.article_level - 1, f"heading-{level}")
        return Reading("text", "", reading.text)

    @property
    def opens_articles(self) -> bool:
        """Return whether numbered paragraphs are the articles (a subclause of another section opens that one)."""
        return self.sections is not None


def outline(readings: list[Reading], list_levels: list[int | None]) -> Outline:
    """Return the outline of a document from the readings of its paragraphs (and their Word list levels)."""
    title = _title(readings, list_levels)
    typed = [reading.level for reading in readings if reading.kind == "article"]
    if typed:
        styled = [level for level in typed if level is not None]
        if not styled:
            return Outline(title, frozenset({1}))
        return Outline(title, frozenset(range(1, min(styled))), min(styled))
    headings = [reading for position, reading in enumerate(readings)
                if reading.kind == "heading" and position != title]
    if headings:
        found = _by_headings(title, headings)
        return dataclasses.replace(found, captions=_captions(readings, title, found.article_level))
    return Outline(title, sections=_sections(readings))


def _by_headings(title: int | None, headings: list[Reading]) -> Outline:
    """Return the outline of a document whose heading styles open its parts and articles."""
    levels = sorted({reading.level for reading in headings})
    titled = [level for level in levels if _mostly_headings([reading for reading in headings
                                                             if reading.level == level])]
    article_level = titled[1] if len(titled) > 1 else titled[0] if titled else levels[0]
    return Outline(title, frozenset(level for level in levels if level < article_level), article_level)


def _captions(readings: list[Reading], title: int | None, article_level: int) -> frozenset[int]:
    """Return the leading headings of the article level that hold nothing before the next one (the standard terms'
    own title over their first section): they are text before the first article, not empty articles."""
    shown = [(position, reading) for position, reading in enumerate(readings)
             if reading.kind != "skip" and position != title]
    found = set()
    for (position, reading), (_, following) in zip(shown, shown[1:]):
        if reading.kind != "heading" or reading.level != article_level:
            if reading.kind in ("heading", "part", "article"):
                return frozenset(found)
            continue
        bare = not reading.written and reads_as_heading(reading.text, styled=True)
        if not bare or following.kind != "heading" or following.level > article_level:
            return frozenset(found)
        found.add(position)
    return frozenset()  # no heading holds anything: every one is an article (a list of headings)


def _mostly_headings(readings: list[Reading]) -> bool:
    """Return whether at least half the paragraphs of a heading style read as headings."""
    return 2 * sum(reads_as_heading(reading.text, styled=True) for reading in readings) >= len(readings)


def _sections(readings: list[Reading]) -> str | None:
    """Return the numbering of the top numbered paragraphs (None when no paragraph is numbered)."""
    for reading in readings:
        if reading.kind == "paragraph" and reading.family:
            return reading.family
        if reading.family == LIST and reading.kind == "text" and reading.level == 0:
            return LIST
        if reading.kind == "subclause":
            return DECIMAL
    return None


def _title(readings: list[Reading], list_levels: list[int | None]) -> int | None:
    """Return the position of the first paragraph when it is the title, or None (a Title style, or no title)."""
    if any(reading.kind == "title" for reading in readings):
        return None
    shown = [position for position, reading in enumerate(readings) if reading.kind != "skip"]
    if len(shown) < 2:
        return None
    first = shown[0]
    reading = readings[first]
    if reading.kind == "heading":
        unlisted = list_levels[first] is None and not reading.written
        heads = unlisted and not _heads_a_part(readings, first)
        return first if heads and reads_as_heading(reading.text, styled=True) else None
    plain = reading.kind == "text" and reading.family != LIST
    return first if plain and reads_as_title(reading.text) else None


def _heads_a_part(readings: list[Reading], first: int) -> bool:
    """Return whether a leading heading is one of several of its level with headings of a deeper level under it
    ('General Provisions' over 'Definitions'), not the title above them."""
    level = readings[first].level
    styled = [reading.level for reading in readings[first + 1:] if reading.level is not None
              and reading.kind in ("heading", "part", "article")]
    return level in styled and bool(styled) and styled[0] > level
