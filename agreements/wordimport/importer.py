"""`peacedraft import`: a Word file as a draft of text nodes, checked like any draft, with a report."""

from __future__ import annotations

import datetime

from pydantic import ValidationError

from clauses.errors import InputError, worded
from clauses.languages import language_name
from agreements.model import Agreement
from agreements.wordimport.reader import Imported, build_tree, guess_language, paragraphs
from agreements.wordimport.safety import open_word

UNDATED = datetime.date(1970, 1, 1)


def import_word(path: str, lang: str | None = None, insist: bool = False) -> tuple[Agreement, Imported]:
    """Return the agreement a Word file holds and the import's report (what it could not place, what it assumed).

    insist: refuse (PD-E095) a file whose script says it is in another language than lang.
    """
    document = open_word(path)
    sources = paragraphs(document)
    found = guess_language([source.text for source in sources]) if insist or not lang else lang
    if found != lang and insist and lang:
        raise InputError(f"{path}: the text is in {language_name(found)}, not in {language_name(lang)} as given",
                         "PD-E095")
    lang = lang or found
    created = document.core_properties.created
    imported = build_tree(sources, lang, path, created.date() if created else UNDATED)
    imported.texts = [source.text for source in sources]
    if created is None:
        imported.notes.append(f"the document carries no date: {UNDATED} written")
    tables = len(document.tables)
    if tables:
        imported.unplaced.append(f"{tables} table{'s' * (tables != 1)} not read (tables are not imported)")
    try:
        agreement = Agreement.model_validate(imported.data)
    except ValidationError as error:
        raise InputError(f"{path}: cannot be read as an agreement: {worded(error)}", "PD-E087") from None
    return agreement, imported


def is_word_file(spec: str) -> bool:
    """Return whether a diff or import argument names a Word file (by its suffix)."""
    return spec.lower().endswith((".docx", ".docm"))
