"""The redline of two real Word files, checked in LibreOffice: accept all gives the after file, reject all the before.

For every before/after pair of ../shared/reference/real-docx (skipped where the folder is absent), the redline
is accepted and rejected in LibreOffice, which then lists its paragraphs and footnotes (uno_paragraphs.py):

- accept all gives exactly what rendering the after side gives, paragraph by paragraph (their text and the
  numbers LibreOffice draws) and footnote by footnote; reject all what rendering the before side gives;
- besides the redline's own paragraphs (its title page and contents, the formulas and signatures, the numbers
  of parts, articles and paragraphs and the dash after a part's or article's number), its paragraphs are those
  the import read from the after file, in order; a table's row, which the import reads as one paragraph, counts
  as that paragraph;
- and so its words are the after file's, in order, and so is every white space that is not a plain space, tab
  or line break (a no-break space stays one); its footnotes are the after file's. Rejecting, the same holds of
  the before file.

Texts are compared normalised (word_pairs.py): trimmed, each run of spaces and tabs one space, empty lines left
out; a contents entry's page number left out.
"""

from __future__ import annotations

import re

import pytest

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.diff.versions import load_sides
from agreements.document.compose import compose
from agreements.render.docx.agreement import AgreementPlan
from agreements.render.docx.render import render_docx
from tests.agreements.diff.word_pairs import (PAIR_IDS, PAIRS, normalised, need_real_docx, paragraphs_of, path_of,
                                              word_footnotes, word_paragraphs, words)
from tests.agreements.diff.reviewer import Reviewer
from tests.libreoffice import need_libreoffice

HEADING_DASH = "— "  # what the redline writes between a part's or article's number and its heading
PAGE_MARK = re.compile(r"\t#+$")  # a contents entry's page, as uno_paragraphs.py shows it


@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    """Start one LibreOffice for the module (skipped where it or the real Word files are absent)."""
    need_real_docx()
    need_libreoffice()
    server = Reviewer(tmp_path_factory.mktemp("pairs"))
    yield server
    server.close()


def shown(found: dict) -> list[str]:
    """Return the lines LibreOffice shows of a document's paragraphs, without their numbers, normalised."""
    texts = [paragraph["text"].removeprefix(HEADING_DASH) if paragraph["label"] else paragraph["text"]
             for paragraph in found["paragraphs"]]
    return normalised([PAGE_MARK.sub("", text) for text in texts])


def own_lines(agreement, lang: str) -> list[str]:
    """Return the lines the redline writes of its own for one side: every paragraph that is no node's."""
    paragraphs = AgreementPlan(compose(agreement, [lang]), lang).paragraphs()
    return normalised([paragraph.text for paragraph in paragraphs if not paragraph.key.startswith("node:")])


def without_own(lines: list[str], own: list[str], expected: list[str]) -> list[str]:
    """Return the lines shown, without the redline's own lines where the file has no such line."""
    import difflib

    kept = []
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, lines, expected, autojunk=False).get_opcodes():
        for line in lines[i1:i2]:
            if tag == "equal" or line not in own:
                kept.append(line)
    return kept


def difference(got: list[str], expected: list[str]) -> list[str]:
    """Return the lines of a unified diff from the lines expected to those got (none when they are the same)."""
    import difflib

    return [line for line in difflib.unified_diff(expected, got, "file", "redline", n=1, lineterm="")]


@pytest.fixture(scope="module")
def reviewed(reviewer):
    """Return a function giving what LibreOffice reads of a pair's redline accepted and rejected (each pair once),
    checked against the renders of its two sides."""
    found = {}

    def review(old: str, new: str):
        if (old, new) not in found:
            sides = load_sides(path_of(old), path_of(new))
            comparison = compare_agreements(sides.old, sides.new, notes=True)
            found[old, new] = sides, reviewer.check(
                new, redline_docx(sides.old, sides.new, comparison, sides.lang, "Reviewer"),
                render_docx(sides.old, sides.lang), render_docx(sides.new, sides.lang))
        return found[old, new]

    return review


@pytest.mark.parametrize("old, new", PAIRS, ids=PAIR_IDS)
def test_accept_all_gives_the_after_side_and_reject_all_the_before(reviewed, old, new):
    sides, found = reviewed(old, new)
    for mode, side in (("accept", sides.new), ("reject", sides.old)):
        read = normalised([text for _, text in paragraphs_of(side, sides.lang)])
        assert difference(without_own(shown(found[mode]), own_lines(side, sides.lang), read), read) == []


@pytest.mark.parametrize("old, new", PAIRS, ids=PAIR_IDS)
def test_accept_all_gives_the_after_files_words_and_reject_all_the_before_files(reviewed, old, new):
    sides, found = reviewed(old, new)
    for mode, side, name in (("accept", sides.new, new), ("reject", sides.old, old)):
        in_file = word_paragraphs(path_of(name))
        assert words(without_own(shown(found[mode]), own_lines(side, sides.lang), in_file)) == words(in_file)
        assert normalised(found[mode]["footnotes"]) == word_footnotes(path_of(name))
