"""A draft as a Word document in one language, or its authentic languages side by side.

Side by side, the pages are landscape and the text 10 pt: the title pages, the first language's contents, then a
table with a column per language and a row per heading, paragraph and point; a heading's row, like a signature
block's, never splits across pages.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Pt

from agreements.document.blocks import Document
from agreements.document.compose import compose
from agreements.model import Agreement
from agreements.render.docx import ooxml_parts
from agreements.render.docx.agreement import AgreementPlan
from agreements.render.docx.paragraphs import END, WordParagraph
from agreements.render.docx.writer import LEVEL_STYLES, WordWriter
from clauses.languages import language

HEADINGS = (LEVEL_STYLES["part"], LEVEL_STYLES["article"])  # the styles of parts', articles' and annexes' headings
PARALLEL_TEXT_POINTS = 10  # the body text's size side by side (11 pt in one language)


def new_writer(document: Document, languages: list[str]) -> WordWriter:
    """Return a writer with every language's lists, the styles numbering in the first language."""
    writer = WordWriter(languages[0], document.when)
    if "author" in document.settings:  # a non-paper: a neutral author, in the document's first language
        writer.sign_as(document.settings["author"][languages[0]])
    for index, lang in enumerate(languages):
        writer.add_lists(lang, language(lang), 10 + 4 * index)
    writer.tie_styles_to_lists(languages[0])
    return writer


def finish(writer: WordWriter, document: Document, lang: str) -> bytes:
    """Put the draft mark and page numbers in the header and footer and return the document's bytes.

    Word is asked to update the fields on opening, so that the contents show their pages.
    """
    writer.header_and_footer(document.settings["header"][lang], lang)
    ooxml_parts.update_fields_on_open(writer.document.settings.element)
    return writer.save(document.settings["title"][lang], lang)


def render_single(document: Document, lang: str) -> bytes:
    """Return a document tree as a Word document in one language."""
    writer = new_writer(document, [lang])
    for paragraph in [*AgreementPlan(document, lang).paragraphs(), END]:
        writer.block(paragraph, lang)
    return finish(writer, document, lang)


def render_parallel(document: Document) -> bytes:
    """Return a document tree with its languages side by side on landscape pages (see the module's docstring)."""
    languages = document.languages
    plans = [AgreementPlan(document, lang, tabular=True) for lang in languages]
    writer = new_writer(document, languages)
    writer.landscape()
    writer.document.styles["Normal"].font.size = Pt(PARALLEL_TEXT_POINTS)
    for plan in plans:
        title_page = plan.title_page()
        title_page[-1].page_break_after = plan is plans[-1]
        for paragraph in title_page:
            writer.block(paragraph, plan.lang)
    for paragraph in plans[0].contents():
        writer.block(paragraph, languages[0])
    table = writer.table(len(languages))
    for cell, plan in zip(writer.row(table, heading=True), plans):
        writer.text(writer.paragraph("Cell Text", container=cell, alignment="center"), plan.words.name, plan.lang,
                    bold=True)
    for paragraphs in zip(*(plan.body() for plan in plans)):
        parallel_row(writer, table, paragraphs, languages)
    writer.block(END, languages[0])
    return finish(writer, document, languages[0])


def parallel_row(writer: WordWriter, table, paragraphs: tuple[WordParagraph, ...], languages: list[str]) -> None:
    """Write one paragraph in every language, a cell each; a heading's row, like a signature's, never splits."""
    kept = paragraphs[0].style in HEADINGS or any(paragraph.keep_together for paragraph in paragraphs)
    for cell, paragraph, lang in zip(writer.row(table, keep_together=kept), paragraphs, languages):
        writer.block(paragraph, lang, container=cell, direct=True)


def render_docx(agreement: Agreement, lang: str, user_folder: Path | None = None, copy_for: str | None = None,
                internal: bool = False, non_paper: bool = False) -> bytes:
    """Return the draft as a Word document in one language, or side by side in all its languages ('parallel').

    copy_for: the signatory whose copy this is (named first; its variant of a language where it has one);
    internal: the internal edition, each drafters' note a comment on its paragraph;
    non_paper: no attribution anywhere, the non-paper mark in every page's header, a neutral author.
    """
    if lang == "parallel":
        return render_parallel(compose(agreement, list(agreement.meta.languages), user_folder, copy_for, internal,
                                       non_paper))
    document = compose(agreement, [lang], user_folder, copy_for, internal, non_paper)
    return render_single(document, document.languages[0])
