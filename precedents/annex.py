"""The precedent comparison annex: a Word table per article — draft text | Germany | Yemen | Vietnam | 1953 Armistice."""

from __future__ import annotations

from agreements.render.docx.blocks import Block, Piece
from agreements.render.docx.compose import document_time
from agreements.render.docx.writer import WordWriter
from agreements.model import Agreement
from precedents.compare import Match, PrecedentComparison
from precedents.coverage import ARMISTICE

COLUMNS = (("Draft", None), ("Germany", "germany"), ("Yemen", "yemen"), ("Vietnam", "vietnam"),
           ("1953 Armistice", ARMISTICE))


def _column(match: Match) -> str:
    """Return the column a precedent provision goes in ('' for one the annex does not set out)."""
    if match.agreement == ARMISTICE:
        return ARMISTICE
    return match.region if match.region in ("germany", "yemen", "vietnam") else ""


def annex_docx(agreement: Agreement, comparison: PrecedentComparison) -> bytes:
    """Return the annex: per article, the draft's paragraphs beside what each group of precedents did, cited."""
    writer = WordWriter("en", document_time(agreement))
    writer.landscape()
    writer.block(Block("title", "Title", [Piece("Precedent comparison annex")]), "en")
    subtitle = f"{agreement.meta.title.get('en', '')} — {agreement.meta.version}"
    writer.block(Block("subtitle", "Parties", [Piece(subtitle)]), "en")
    articles: dict[str, list] = {}
    for clause in comparison.clauses:
        articles.setdefault(clause.article, []).append(clause)
    for index, (article, clauses) in enumerate(articles.items()):
        writer.block(Block(f"article:{index}", "Preamble Heading", [Piece(article or "Preamble")]), "en")
        table = writer.table(len(COLUMNS))
        for cell, (label, _) in zip(writer.row(table, heading=True), COLUMNS):
            writer.block(Block("head", "Cell Text", [Piece(label, bold=True)]), "en", container=cell)
        for clause in clauses:
            cells = writer.row(table)
            writer.block(Block(clause.node, "Cell Text", [Piece(clause.text or clause.node)]), "en", container=cells[0])
            for cell, (_, key) in zip(cells[1:], COLUMNS[1:]):
                matches = [match for match in clause.matches if _column(match) == key]
                for match in matches:
                    cited = f"{match.short_title}, {match.citation} [{match.basis}]: "
                    writer.block(Block(match.provision, "Cell Text", [Piece(cited, bold=True), Piece(match.paraphrase)]),
                                 "en", container=cell)
                if not matches:
                    writer.block(Block("none", "Cell Text", [Piece("—")]), "en", container=cell)
    writer.block(Block("coverage", "Preamble Heading", [Piece("The 1953 Armistice's functions under this draft")]), "en")
    for item in comparison.armistice:
        writer.block(Block(item.function, "Normal", [Piece(item.summary)]), "en")
    writer.block(Block("basis", "Normal", [Piece("Basis codes: T authentic English text; A another authentic "
                                                 "language; C corrupted copy; X unofficial translation; "
                                                 "S secondary summary.", italic=True)]), "en")
    return writer.save("Precedent comparison annex", "en")
