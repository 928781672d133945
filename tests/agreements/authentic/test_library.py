"""Every option of the clause library says the same thing in English, Korean and Chinese."""

from __future__ import annotations

import pytest

from agreements.authentic.check import Unit, compare
from agreements.authentic.facts import TextFacts
from agreements.authentic.word import standard_named
from clauses.errors import Location
from clauses.languages import LANGUAGES, language
from clauses.library import library
from clauses.library_view import option_report
from clauses.terminology import Reader

READERS = {lang: TextFacts(language(lang), Reader(language(lang), standard_named(lang))) for lang in LANGUAGES}


@pytest.mark.parametrize("option_id", sorted(library()))
def test_an_option_says_the_same_in_every_language(option_id):
    texts = {lang: option_report(option_id, lang)["text"] for lang in LANGUAGES}
    unit = Unit(option_id, texts, {lang: Location(f"{option_id}.{lang}") for lang in LANGUAGES})
    findings = [finding.message for finding in compare(unit, {lang: READERS[lang].read(text)
                                                              for lang, text in texts.items()})]
    assert findings == []
