"""Changes a reader cannot see are named: white space of another kind, invisible characters, look-alikes."""

from __future__ import annotations

import pytest

from agreements.diff.characters import name_of, plain, shown, unseen_change
from agreements.diff.compare import compare_agreements
from agreements.diff.words import changed_parts, unseen_changes, word_diff
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.model import Agreement

ROUND_1 = load_agreement(str(example_path("round-1")))


@pytest.mark.parametrize("old, new, said", [
    (" ", "\u00a0", "space → no-break space"),
    ("\u00a0", " ", "no-break space → space"),
    (" ", "\u202f", "space → narrow no-break space"),
    (" ", "\u2009", "space → thin space"),
    ("\t", " ", "tab → space"),
    (" ", "\u3000", "space → ideographic space"),
    ("", "\u200b", "zero-width space added"),
    ("\u00ad", "", "soft hyphen removed"),
    (",", "\uff0c", "comma → full-width comma"),
    ("(", "\uff08", "left parenthesis → full-width left parenthesis"),
    ("-", "\u2011", "hyphen-minus → non-breaking hyphen"),
    ("  ", " ", "space removed"),
])
def test_a_change_no_reader_sees_is_named(old, new, said):
    assert unseen_change(f"a{old}b", f"a{new}b") == said


@pytest.mark.parametrize("old, new", [("a b", "a c"), ("a b", "ab"), ("a.b", "a,b"), ("same", "same")])
def test_a_change_that_shows_is_not_named(old, new):
    assert unseen_change(old, new) is None


def test_white_space_and_invisible_characters_are_shown_as_dots():
    assert shown("article\u00a01\u200b") == "article·1·"
    assert plain("a\u00a0\u3000b\uff0c\u200b") == "a b,"
    assert name_of("\ue000") == "U+E000"


def test_the_summary_quotes_the_words_around_the_change_and_names_it():
    diff = word_diff("13 de l'article 1 de la Constitution", "13 de l'article\u00a01 de la Constitution")
    assert changed_parts(diff) == "“…de l'article·1 de la…” (space → no-break space)"
    assert unseen_changes(diff) == ["space → no-break space"]


def test_a_text_change_names_the_characters_in_its_json():
    data = ROUND_1.model_dump(mode="json")
    data["preamble"][0]["text"]["en"] = data["preamble"][0]["text"]["en"].replace("Korean Peninsula",
                                                                                  "Korean\u00a0Peninsula")
    comparison = compare_agreements(ROUND_1, Agreement.model_validate(data))
    [change] = [change for change in comparison.changes if change.kind == "text"]
    assert change.details["characters"] == {"en": ["space → no-break space"]}
    assert change.summary == ("preamble.end-of-war: text changed (en +0 −0 words): “…on the Korean·Peninsula to a…” "
                              "(space → no-break space)")
