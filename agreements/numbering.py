"""Positions derived from tree order — Part 1, Article 7, paragraph 2, point (b) — never stored."""

from __future__ import annotations

from dataclasses import dataclass

from agreements.model import Agreement, Article, Part
from clauses.languages import Language


@dataclass(frozen=True)
class NodeNumber:
    """Where a node stands: its level and its numbers from the article down (parts count apart)."""

    level: str  # part | article | paragraph | point | subpoint
    numbers: tuple[int, ...]

    def label(self, language: Language) -> str:
        """Return the node's own label in a language ('Article 7', '2.', '(b)')."""
        return language.label(self.level, self.numbers)

    def reference(self, language: Language) -> str:
        """Return a cross-reference to the node in a language ('paragraph 2 of Article 7')."""
        return language.reference(self.level, self.numbers)


POINT_LEVELS = ("point", "subpoint")


def node_numbers(agreement: Agreement) -> dict[str, NodeNumber]:
    """Return the position of every part, article, paragraph and point, keyed by node id."""
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
            _number_paragraphs(article, articles, found)
    return found


def _number_paragraphs(article: Article, number: int, found: dict[str, NodeNumber]) -> None:
    """Record the positions of an article's paragraphs and of their points and subpoints."""
    for index, paragraph in enumerate(article.children, 1):
        found[paragraph.id] = NodeNumber("paragraph", (number, index))
        stack = [(paragraph, (number, index), 0)]
        while stack:
            node, numbers, depth = stack.pop()
            level = POINT_LEVELS[min(depth, len(POINT_LEVELS) - 1)]
            for child_index, child in enumerate(node.children, 1):
                found[child.id] = NodeNumber(level, (*numbers, child_index))
                stack.append((child, (*numbers, child_index), depth + 1))
