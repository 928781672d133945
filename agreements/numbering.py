"""Positions derived from tree order — Part 1, Article 7, paragraph 2, point (b), Annex I — never stored."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from agreements.model import Agreement, Annex, Article, Part
from clauses.languages import Language
from clauses.numerals import chinese_numeral, letter

NO_ARTICLE = 0  # the article number of a paragraph an annex holds directly, with no article around it


@dataclass(frozen=True)
class AnnexNumber:
    """Which annex or protocol a node stands in: its kind, its number among those of its kind, and whether it is alone.

    Treaty practice names a single annex or protocol without a number ('the Annex', 'the Protocol') and
    numbers several in Roman numerals ('Annex I', 'Protocol II'); each kind is counted apart.
    """

    kind: str  # annex | protocol
    number: int
    alone: bool

    def label(self, language: Language) -> str:
        """Return the annex's heading label in a language ('Annex I', 'Protocol', '부속서 1', '附件一')."""
        if self.alone:
            return language.phrase(f"{self.kind}_alone")
        return language.phrase(self.kind, **language.numbers(self.number))

    def reference(self, language: Language) -> str:
        """Return how running text names the annex ('Annex I'; a single one 'the Annex', '부속서', '附件')."""
        return language.phrase(f"ref_{self.kind}_alone") if self.alone else self.label(language)


@dataclass(frozen=True)
class NodeNumber:
    """Where a node stands: its level, its numbers from the article down (parts count apart), and its annex."""

    level: str  # part | article | paragraph | point | subpoint | annex
    numbers: tuple[int, ...]
    annex: AnnexNumber | None = None

    def label(self, language: Language) -> str:
        """Return the node's own label in a language ('Article 7', '2.', '(b)', 'Annex I')."""
        if self.level == "annex" and self.annex is not None:
            return self.annex.label(language)
        return language.label(self.level, self.numbers)

    def reference(self, language: Language) -> str:
        """Return a cross-reference to the node in a language ('paragraph 2 of Article 7', 'Article 1 of Annex I')."""
        if self.annex is None:
            return language.reference(self.level, self.numbers)
        annex = self.annex.reference(language)
        if self.level == "annex":
            return annex
        if self.numbers[0] == NO_ARTICLE:
            inner = _annex_paragraph_reference(self.numbers, language)
        else:
            inner = language.reference(self.level, self.numbers)
        return language.phrase("ref_in_annex", ref=inner, annex=annex)


def _annex_paragraph_reference(numbers: tuple[int, ...], language: Language) -> str:
    """Return 'paragraph 2' or 'subparagraph (a) of paragraph 2' for a paragraph an annex holds directly."""
    values: dict[str, object] = {"paragraph": numbers[1], "paragraph_cn": chinese_numeral(numbers[1])}
    if len(numbers) > 2:
        values |= {"letter": letter(numbers[2], language.point_letters), "point_cn": chinese_numeral(numbers[2])}
        return language.phrase("ref_annex_point", **values)
    return language.phrase("ref_annex_paragraph", **values)


POINT_LEVELS = ("point", "subpoint")


def node_numbers(agreement: Agreement) -> dict[str, NodeNumber]:
    """Return the position of every part, article, paragraph, point and annex, keyed by node id."""
    found: dict[str, NodeNumber] = {}
    articles = 0
    parts = 0
    for top in agreement.body:
        if isinstance(top, Part):
            parts += 1
            found[top.id] = NodeNumber("part", (parts,))
        for article in top.children if isinstance(top, Part) else [top]:
            articles += 1
            found[article.id] = NodeNumber("article", (articles,))
            _number_paragraphs(article.children, articles, found)
    _number_annexes(agreement.annexes, found)
    return found


def annex_numbers(annexes: list[Annex]) -> list[AnnexNumber]:
    """Return the number of each annex and protocol, each kind counted apart."""
    counts = Counter(annex.kind for annex in annexes)
    seen: Counter[str] = Counter()
    numbers = []
    for annex in annexes:
        seen[annex.kind] += 1
        numbers.append(AnnexNumber(annex.kind, seen[annex.kind], counts[annex.kind] == 1))
    return numbers


def _number_annexes(annexes: list[Annex], found: dict[str, NodeNumber]) -> None:
    """Record the numbers of the annexes and, inside each, of its own articles, paragraphs and points."""
    for annex, number in zip(annexes, annex_numbers(annexes)):
        found[annex.id] = NodeNumber("annex", (number.number,), number)
        articles = annex.articles()
        for position, article in enumerate(articles, 1):
            found[article.id] = NodeNumber("article", (position,), number)
            _number_paragraphs(article.children, position, found, number)
        if not articles:
            _number_paragraphs(annex.children, NO_ARTICLE, found, number)


def _number_paragraphs(paragraphs: list, number: int, found: dict[str, NodeNumber],
                       annex: AnnexNumber | None = None) -> None:
    """Record the positions of an article's (or an annex's) paragraphs and of their points and subpoints."""
    for index, paragraph in enumerate(paragraphs, 1):
        found[paragraph.id] = NodeNumber("paragraph", (number, index), annex)
        stack = [(paragraph, (number, index), 0)]
        while stack:
            node, numbers, depth = stack.pop()
            level = POINT_LEVELS[min(depth, len(POINT_LEVELS) - 1)]
            for child_index, child in enumerate(node.children, 1):
                found[child.id] = NodeNumber(level, (*numbers, child_index), annex)
                stack.append((child, (*numbers, child_index), depth + 1))
