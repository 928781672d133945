"""A draft as a Word document in one language, or its authentic languages side by side."""

from __future__ import annotations

from pathlib import Path

from agreements.document.blocks import Document
from agreements.document.compose import compose
from agreements.model import Agreement
from agreements.render.docx.agreement import AgreementPlan
from agreements.render.docx.paragraphs import END
from agreements.render.docx.writer import WordWriter
from clauses.languages import language


def new_writer(document: Document, languages: list[str]) -> WordWriter:
    """Return a writer with every language's lists, the styles numbering in the first language."""
    writer = WordWriter(languages[0], document.when)
    for index, lang in enumerate(languages):
        writer.add_lists(lang, language(lang), 10 + 4 * index)
    writer.tie_styles_to_lists(languages[0])
    return writer


def finish(writer: WordWriter, document: Document, lang: str) -> bytes:
    """Put the draft mark and page numbers in the header and footer and return the document's bytes."""
    writer.header_and_footer(document.settings["header"][lang], lang)
    return writer.save(document.settings["title"][lang], lang)


def render_single(document: Document, lang: str) -> bytes:
    """Return a document tree as a Word document in one language."""
    writer = new_writer(document, [lang])
    for paragraph in [*AgreementPlan(document, lang).paragraphs(), END]:
        writer.block(paragraph, lang)
    return finish(writer, document, lang)


def render_parallel(document: Document) -> bytes:
    """Return a document tree with its languages side by side, a table row per heading, paragraph and point."""
    languages = document.languages
    plans = [AgreementPlan(document, lang, tabular=True) for lang in languages]
    writer = new_writer(document, languages)
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
        row = writer.row(table, keep_together=any(paragraph.keep_together for paragraph in paragraphs))
        for cell, paragraph, lang in zip(row, paragraphs, languages):
            writer.block(paragraph, lang, container=cell, direct=True)
    writer.block(END, languages[0])
    return finish(writer, document, languages[0])


def render_docx(agreement: Agreement, lang: str, user_folder: Path | None = None, copy_for: str | None = None) -> bytes:
    """Return the draft as a Word document in one language, or side by side in all its languages ('parallel').

    copy_for: the signatory whose copy this is (named first; its variant of a language where it has one).
    """
    if lang == "parallel":
        return render_parallel(compose(agreement, list(agreement.meta.languages), user_folder, copy_for))
    document = compose(agreement, [lang], user_folder, copy_for)
    return render_single(document, document.languages[0])
