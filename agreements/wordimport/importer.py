"""`peacedraft import`: a Word file as a draft of text nodes, checked like any draft, with a report."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from pydantic import ValidationError

from clauses.errors import InputError, worded
from clauses.languages import language_name
from agreements.model import Agreement
from agreements.wordimport.damaged import reads_word
from agreements.wordimport.handover import opening_notes
from agreements.wordimport.coverage import Coverage, measure
from agreements.wordimport.reader import Imported, build_tree
from agreements.wordimport.source import guess_language, read_body
from agreements.wordimport.safety import open_word


@dataclass
class ImportReport(Imported):
    """The import's report: the tree read and what could not be placed, and how much of the text was placed."""

    coverage: Coverage | None = None


@reads_word
def import_word(path: str, lang: str | None = None, insist: bool = False) -> tuple[Agreement, ImportReport]:
    """Return the agreement a Word file holds and the import's report (what it placed and not, what it assumed).

    insist: refuse (PD-E095) a file whose script says it is in another language than lang.
    """
    document = open_word(path)
    body = read_body(document)
    sources = body.paragraphs
    found = guess_language([source.text for source in sources]) if insist or not lang else lang
    if found != lang and insist and lang:
        raise InputError(f"{path}: the text is in {language_name(found)}, not in {language_name(lang)} as given",
                         "PD-E095")
    lang = lang or found
    date, note = import_date(document)
    imported = build_tree(sources, lang, path, date)
    imported.texts = [source.text for source in sources]
    if note:
        imported.notes.append(note)
    imported.notes += opening_notes(document)
    imported.notes += body.notes
    try:
        agreement = Agreement.model_validate(imported.data)
    except ValidationError as error:
        raise InputError(f"{path}: cannot be read as an agreement: {worded(error)}", "PD-E087") from None
    return agreement, ImportReport(**vars(imported), coverage=measure(sources, imported.data, lang))


def import_date(document: Document) -> tuple[datetime.date, str | None]:
    """Return the draft's date and what the report says of it (None when the document's properties give it).

    The properties' creation date, else their last modification; a document without either takes the day of
    SOURCE_DATE_EPOCH when it is set, else today.
    """
    stated = _stated_time(document)
    if stated is not None:
        return stated.date(), None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        day = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
        return day, f"the document carries no date: {day} written (from SOURCE_DATE_EPOCH)"
    today = datetime.date.today()
    return today, f"the document carries no date: {today} written (today's date)"


def _stated_time(document: Document) -> datetime.datetime | None:
    """Return the creation (else modification) time of the document's own core properties; None without them."""
    package = document.part.package
    try:
        package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:  # python-docx would make properties dated now: the file itself states no date
        return None
    properties = document.core_properties
    return properties.created or properties.modified


def is_word_file(spec: str) -> bool:
    """Return whether a diff or import argument names a Word file (by its suffix)."""
    return spec.lower().endswith((".docx", ".docm"))
