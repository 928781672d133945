"""Properties of rendering over generated agreements holding arbitrary Unicode.

Any text an agreement may hold renders, as Word (reopened with python-docx) and as plain text or Markdown, and
comes out as it went in; a character a Word document cannot hold (C0 controls other than tab, line feed and
carriage return; DEL; U+FFFE, U+FFFF) is refused when the draft is loaded, at its line, naming its node. The
examples at the end are the smallest cases these properties found.
"""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from agreements.render.docx.render import render_docx
from agreements.drafts import dump_agreement, load_agreement, parse_agreement
from clauses.errors import DraftError
from agreements.model import Agreement
from agreements.render.text import render_document
from tests.agreements.render.docx.edits import articles
from tests.conftest import BASE_DRAFT, scaled
from tests.strategies import CHARACTERS, FORBIDDEN, LANGS, SPECIAL, agreement_data

PROBE = "probe"
PLACEHOLDER = "QQPLACEHOLDERQQ"
PLACES = ("recital", "clause", "heading")
EDGES = st.sampled_from(["", " ", "\n", "\t", "  ", "\u3000"])  # white space around a text
ANY_TEXT = st.tuples(EDGES, st.one_of(st.text(CHARACTERS, min_size=1, max_size=40), st.sampled_from(SPECIAL),
                                      st.text(CHARACTERS, min_size=1, max_size=3).map(lambda text: text * 2000)),
                     EDGES).map("".join)


def put_text(data: dict, place: str, lang: str, text: str) -> str:
    """Put text in one language into a recital, a new paragraph or an article heading; return the node's id.

    A last article follows, so the text never ends the document (where trailing white space may go).
    """
    found = articles(data)
    data["body"].append({"id": f"{PROBE}-end", "kind": "article", "heading": {lang: "End"}})
    if place == "recital":
        data["preamble"].append({"id": PROBE, "status": "agreed", "text": {lang: text}})
        return PROBE
    if not found:
        data["body"].insert(0, {"id": PROBE, "kind": "article", "heading": {lang: text}})
        return PROBE
    holder, index = found[0]
    article = holder[index]
    if place == "heading":
        article["heading"] = {lang: text}
        return article["id"]
    paragraph = {"id": PROBE, "kind": "text", "status": "agreed", "text": {lang: text}}
    article.setdefault("children", []).insert(0, paragraph)
    return PROBE


def docx_paragraphs(data: bytes) -> list[str]:
    """Return the text of every paragraph of a .docx, reopened with python-docx."""
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs]


@scaled(0.3)
@given(data=agreement_data(), place=st.sampled_from(PLACES), lang=st.sampled_from(LANGS), text=ANY_TEXT)
def test_any_text_renders_as_word_and_comes_out_whole(data, place, lang, text):
    """Arbitrary Unicode in a recital, paragraph or heading renders to a .docx that holds it."""
    put_text(data, place, lang, text)
    paragraphs = docx_paragraphs(render_docx(Agreement.model_validate(data), lang))
    assert any(text in paragraph for paragraph in paragraphs)


@given(data=agreement_data(), place=st.sampled_from(PLACES), lang=st.sampled_from(LANGS), text=ANY_TEXT,
       markdown=st.booleans())
def test_any_text_renders_as_text_and_comes_out_whole(data, place, lang, text, markdown):
    """Arbitrary Unicode in a recital, paragraph or heading renders as text or Markdown that holds it."""
    put_text(data, place, lang, text)
    assert text in render_document(Agreement.model_validate(data), lang, markdown)


@scaled(0.3)
@given(data=agreement_data(), lang=st.sampled_from([*LANGS, "parallel"]))
def test_generated_drafts_render_in_every_language(data, lang):
    """A generated draft (arbitrary Unicode everywhere) renders as Word, side by side too, or says where it cannot."""
    agreement = Agreement.model_validate(data)
    try:
        docx.Document(io.BytesIO(render_docx(agreement, lang)))
        if lang != "parallel":
            render_document(agreement, lang)
    except DraftError as error:  # the documented error: located, naming a node of the draft
        assert all(problem.location.line >= 1 and problem.node_id != "-" for problem in error.problems)


def yaml_with(data: dict, place: str, replacement: str) -> tuple[str, str, int]:
    """Return a draft's YAML with a text replaced by YAML source, the id of its node and its line."""
    node_id = put_text(data, place, data["meta"]["languages"][0], PLACEHOLDER)
    text = dump_agreement(Agreement.model_validate(data))
    assert text.count(PLACEHOLDER) == 1
    line = text.count("\n", 0, text.index(PLACEHOLDER)) + 1
    return text.replace(PLACEHOLDER, replacement), node_id, line


@given(data=agreement_data(), place=st.sampled_from(PLACES), bad=st.sampled_from(FORBIDDEN))
def test_escaped_forbidden_character_is_refused_at_load_where_it_is(data, place, bad):
    """An escaped forbidden character ("\\u0001") is refused by the loader at its line, naming its node."""
    text, node_id, line = yaml_with(data, place, f'"Peace \\u{ord(bad):04X} now"')
    with pytest.raises(DraftError, match=f"U\\+{ord(bad):04X} cannot appear") as caught:
        parse_agreement(text, "bad.yaml")
    assert [(problem.location.line, problem.node_id) for problem in caught.value.problems] == [(line, node_id)]


@given(data=agreement_data(), place=st.sampled_from(PLACES), bad=st.sampled_from(FORBIDDEN))
def test_raw_forbidden_character_is_refused_at_load_where_it_is(data, place, bad):
    """A forbidden character written as it is is refused by the loader at its line and column, naming its node."""
    text, node_id, line = yaml_with(data, place, f"Peace {bad} now")
    column = text.index(bad) - text.rfind("\n", 0, text.index(bad))
    with pytest.raises(DraftError, match=f"U\\+{ord(bad):04X} is not allowed") as caught:
        parse_agreement(text, "bad.yaml")
    assert [(problem.location.line, problem.location.column, problem.node_id)
            for problem in caught.value.problems] == [(line, column, node_id)]


def base_yaml(old: str, new: str) -> str:
    """Return the base draft's YAML with one occurrence of old replaced by new."""
    text = BASE_DRAFT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    return text.replace(old, new)


def test_found_control_character_in_version_is_refused_at_load():
    """Found by these properties (since fixed): a control character in meta.version loaded, then broke render_docx."""
    with pytest.raises(DraftError, match="U\\+0001"):
        parse_agreement(base_yaml("version: R1", 'version: "R\\x01"'), "bad.yaml")


def test_found_long_title_renders():
    """Found by these properties (since fixed): a title over 255 characters broke render_docx (core properties)."""
    data = load_agreement(str(BASE_DRAFT)).model_dump()
    data["meta"]["title"]["en"] = "x" * 256
    assert "x" * 256 in docx_paragraphs(render_docx(Agreement.model_validate(data), "en"))


def test_found_error_after_a_line_separator_names_the_line_editors_show():
    """Found by these properties (since fixed): U+2028 was saved raw and counted as a line break by the loader."""
    data = {**load_agreement(str(BASE_DRAFT)).model_dump(), "preamble": [{"id": "r", "text": {"en": "a\u2028b"}}]}
    text = dump_agreement(Agreement.model_validate(data)).replace("disposition: dissolve", "disposition: explode")
    with pytest.raises(DraftError) as caught:
        parse_agreement(text, "bad.yaml")
    assert caught.value.problems[0].location.line == text.count("\n", 0, text.index("explode")) + 1
