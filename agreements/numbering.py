"""Numbers derived from tree order: Part I, Article 7, paragraph 1., point (a)."""

from __future__ import annotations

from agreements.model import Agreement, Article, Part

ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """Return the Roman numeral of a positive integer."""
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int) -> str:
    """Return the point letter for 1, 2, … 27: a, b, … z, aa."""
    text = ""
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def number_nodes(agreement: Agreement) -> dict[str, str]:
    """Return the display number of every part, article, paragraph and point, keyed by node id."""
    numbers: dict[str, str] = {}
    articles = 0
    parts = 0
    for top in agreement.body:
        if isinstance(top, Part):
            parts += 1
            numbers[top.id] = f"Part {roman(parts)}"
            children = top.children
        else:
            children = [top]
        for article in children:
            articles += 1
            numbers[article.id] = f"Article {articles}"
            _number_paragraphs(article, numbers)
    return numbers


def _number_paragraphs(article: Article, numbers: dict[str, str]) -> None:
    """Number an article's paragraphs 1., 2. … and their points (a), (b) …, then (i), (ii) …"""
    for index, paragraph in enumerate(article.children, 1):
        numbers[paragraph.id] = f"{index}."
        for point_index, point in enumerate(paragraph.children, 1):
            numbers[point.id] = f"({letter(point_index)})"
            for sub_index, sub in enumerate(point.children, 1):
                numbers[sub.id] = f"({roman(sub_index).lower()})"
