"""A draft as a Word document in one language, or its authentic languages side by side."""

from __future__ import annotations

from pathlib import Path

from agreements.render.docx.compose import END, Composer, document_time
from agreements.render.docx.writer import WordWriter
from agreements.model import Agreement
from agreements.document.context import scope_for


def new_writer(agreement: Agreement, languages: list[str]) -> WordWriter:
    """Return a writer with every language's lists, the styles numbering in the first language."""
    writer = WordWriter(languages[0], document_time(agreement))
    for index, lang in enumerate(languages):
        writer.add_lists(lang, Composer.words_of(lang), 10 + 4 * index)
    writer.tie_styles_to_lists(languages[0])
    return writer


def finish(writer: WordWriter, agreement: Agreement, lang: str) -> bytes:
    """Put the draft mark and page numbers in the header and footer and return the document's bytes."""
    composer_words = Composer.words_of(lang)
    meta = agreement.meta
    header = composer_words.phrase("draft_header", round=meta.round, version=meta.version,
                                   date=composer_words.date(meta.date))
    writer.header_and_footer(header, lang)
    return writer.save(meta.title.get(lang, ""), lang)


def render_single(agreement: Agreement, lang: str, user_folder: Path | None = None) -> bytes:
    """Return the draft as a Word document in one language."""
    composer = Composer(agreement, lang, user_folder=user_folder)
    writer = new_writer(agreement, [lang])
    for block in [*composer.title_page(), *composer.contents(), *composer.body(), END]:
        writer.block(block, lang)
    return finish(writer, agreement, lang)


def render_parallel(agreement: Agreement, user_folder: Path | None = None) -> bytes:
    """Return the draft with its authentic languages side by side, a table row per heading, paragraph and point."""
    languages = list(agreement.meta.languages)
    scope = scope_for(agreement, user_folder)
    composers = [Composer(agreement, lang, scope, tabular=True) for lang in languages]
    writer = new_writer(agreement, languages)
    for composer in composers:
        title_page = composer.title_page()
        title_page[-1].page_break_after = composer is composers[-1]
        for block in title_page:
            writer.block(block, composer.lang)
    for block in composers[0].contents():
        writer.block(block, languages[0])
    table = writer.table(len(languages))
    for cell, composer in zip(writer.row(table, heading=True), composers):
        label = composer.words.name
        writer.text(writer.paragraph("Cell Text", container=cell, alignment="center"), label, composer.lang, bold=True)
    for blocks in zip(*(composer.body() for composer in composers)):
        cells = writer.row(table)
        for cell, block, lang in zip(cells, blocks, languages):
            writer.block(block, lang, container=cell, direct=True)
    writer.block(END, languages[0])
    return finish(writer, agreement, languages[0])


def render_docx(agreement: Agreement, lang: str, user_folder: Path | None = None) -> bytes:
    """Return the draft as a Word document in one language, or side by side in all its languages ('parallel')."""
    if lang == "parallel":
        return render_parallel(agreement, user_folder)
    return render_single(agreement, lang, user_folder)
