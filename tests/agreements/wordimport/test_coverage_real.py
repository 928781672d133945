"""Real Word files written by others: at least 95% of each Common Paper and Open-Xml-PowerTools file's text placed."""

from __future__ import annotations

import pytest

from agreements.wordimport.coverage import STRICT_SHARE
from agreements.wordimport.importer import import_word
from tests.agreements.wordimport.bodies import REAL_DOCX

PLACED = sorted(path.name for path in REAL_DOCX.glob("*.docx") if path.name.startswith(("openagr--", "oxpt--")))


@pytest.mark.skipif(not REAL_DOCX.is_dir(), reason="../shared/reference/real-docx is not beside this checkout")
@pytest.mark.parametrize("name", PLACED or ["none"])
def test_a_real_agreement_has_at_least_95_percent_of_its_text_placed(name):
    _, report = import_word(str(REAL_DOCX / name))
    assert not report.coverage.short_of(STRICT_SHARE), (report.coverage.line(), report.coverage.missing_line())


@pytest.mark.skipif(not REAL_DOCX.is_dir(), reason="../shared/reference/real-docx is not beside this checkout")
def test_the_cover_page_of_the_mutual_nda_is_in_the_draft():
    agreement, report = import_word(str(REAL_DOCX / "openagr--common-paper-mutual-nda.docx"))
    written = agreement.model_dump_json()
    assert "Governing Law | The laws of the State of {governing_law}." in written
    assert "Print Name | {party_1_name} | {party_2_name}" in written
    assert report.coverage.line() == "placed 100.0% of the document's text (224 of 224 words)"
