"""The precedent comparison annex: a Word table per article — draft text | Germany | Yemen | Vietnam | 1953 Armistice."""

from __future__ import annotations

from agreements.document.blocks import Block, Document, Run, simple_block, table_row
from agreements.document.compose import document_time
from agreements.document.nonpaper import non_paper_author, non_paper_mark
from agreements.model import Agreement
from agreements.render.docx.reports import report_docx
from clauses.languages import DEFAULT_LANGUAGE, language
from precedents.compare import Match, PrecedentComparison
from precedents.coverage import ARMISTICE

COLUMNS = (("Draft", None), ("Germany", "germany"), ("Yemen", "yemen"), ("Vietnam", "vietnam"),
           ("1953 Armistice", ARMISTICE))
BASIS = ("Basis codes, every code of a provision shown, strongest first, so the last is the weakest: "
         "T authentic English text; A another authentic language; C corrupted copy; X unofficial translation; "
         "S secondary summary.")


def _column(match: Match) -> str:
    """Return the column a precedent provision goes in ('' for one the annex does not set out)."""
    if match.agreement == ARMISTICE:
        return ARMISTICE
    return match.region if match.region in ("germany", "yemen", "vietnam") else ""


def _cited(matches: list[Match]) -> list[Block]:
    """Return the cell of one group of precedents: each provision cited in bold, then its paraphrase."""
    blocks = [simple_block("cell_text", match.provision, Run(f"{match.cited}: ",
                                                       bold=True), match.paraphrase) for match in matches]
    return blocks or [simple_block("cell_text", "none", "—")]


def annex_document(agreement: Agreement, comparison: PrecedentComparison, non_paper: bool = False) -> Document:
    """Return the annex tree: per article, the draft's paragraphs beside what each group of precedents did, cited
    (non_paper: the annex of a non-paper, its mark on every page and its author neutral)."""
    subtitle = f"{agreement.meta.title.get(DEFAULT_LANGUAGE, '')} — {agreement.meta.version}"
    blocks = [simple_block("title", "title", "Precedent comparison annex"), simple_block("byline", "subtitle", subtitle)]
    articles: dict[str, list] = {}
    for clause in comparison.clauses:
        articles.setdefault(clause.article, []).append(clause)
    for index, (article, clauses) in enumerate(articles.items()):
        blocks.append(simple_block("section", f"article:{index}", article or "Preamble"))
        rows = [table_row("head", [[simple_block("cell_text", "head", Run(label, bold=True))] for label, _ in COLUMNS], heading=True)]
        for clause in clauses:
            cells = [[simple_block("cell_text", clause.node, clause.text or clause.node)]]
            cells += [_cited([match for match in clause.matches if _column(match) == key]) for _, key in COLUMNS[1:]]
            rows.append(table_row(clause.node, cells))
        blocks.append(Block("table", f"table:{index}", children=rows, data={"columns": len(COLUMNS)}))
    blocks.append(simple_block("section", "coverage", "The 1953 Armistice's functions under this draft"))
    for item in comparison.armistice:
        blocks.append(simple_block("plain", item.function, item.summary))
        blocks += [simple_block("plain", f"{item.function}:practice:{place}", Run(f"Later practice: {line}", italic=True))
                   for place, line in enumerate(item.practice)]
    blocks.append(simple_block("plain", "basis", Run(BASIS, italic=True)))
    settings = {"landscape": True, "title": "Precedent comparison annex"}
    if non_paper:
        words = language(DEFAULT_LANGUAGE)
        settings |= {"header": non_paper_mark(words), "author": non_paper_author(words)}
    return Document([DEFAULT_LANGUAGE], document_time(agreement), blocks, settings)


def annex_docx(agreement: Agreement, comparison: PrecedentComparison, non_paper: bool = False) -> bytes:
    """Return the annex as Word bytes (non_paper: marked as a non-paper's, by a neutral author)."""
    return report_docx(annex_document(agreement, comparison, non_paper))
