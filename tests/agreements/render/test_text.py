"""The whole draft as text: numbering, headings, preamble and brackets in each language."""

from __future__ import annotations

import pytest

from agreements.drafts import load_agreement, parse_agreement
from clauses.errors import DraftError
from agreements.examples import example_path
from agreements.render.text import render_document
from tests.conftest import BASE_DRAFT, mutate

BASE = BASE_DRAFT.read_text(encoding="utf-8")


def test_english_document_structure():
    text = render_document(parse_agreement(BASE, "d.yaml"), "en")
    lines = text.splitlines()
    assert lines[:3] == ["Test Peace Agreement", "", "Round 1 · R1 · 15 January 2027"]
    assert "Part I — Military Matters" in lines
    assert "Article 1 — Pull-back of Forces" in lines and "Article 2" in lines
    assert "   (a) The Parties shall review the phases annually." in lines


@pytest.mark.parametrize(("lang", "part", "article", "paragraph", "point"), [
    ("ko", "제1편 군사 문제", "제3조 최종 조항", "2. ", "   가. 당사자들은 매년 단계를 검토한다."),
    ("zh", "第一部分　军事问题", "第三条　最后条款", "二、", "   （一） 各方应每年审查各阶段。"),
])
def test_numbering_and_headings_per_language(lang, part, article, paragraph, point):
    lines = render_document(parse_agreement(BASE, "d.yaml"), lang).splitlines()
    assert part in lines and article in lines
    assert any(line.startswith(paragraph) for line in lines)
    assert point in lines


def test_markdown_headings_and_points():
    text = render_document(parse_agreement(BASE, "d.yaml"), "en", markdown=True)
    assert text.startswith("# Test Peace Agreement\n")
    assert "\n## Part I — Military Matters\n" in text and "\n### Article 3 — Final Provisions\n" in text
    assert "\n- **(a)** The Parties shall review the phases annually.\n" in text


def test_a_missing_translation_is_marked_not_invented():
    text = mutate(BASE, "ko: 당사자들은 매년 단계를 검토한다., ", "")
    assert "⟨no ko text⟩" in render_document(parse_agreement(text, "d.yaml"), "ko")


def test_a_broken_user_template_is_a_located_error(tmp_path):
    (tmp_path / "un_command_status.en.j2").write_text("{{ c.nothing }}")
    agreement = parse_agreement(BASE, "d.yaml")
    with pytest.raises(DraftError) as caught:
        render_document(agreement, "en", user_folder=tmp_path)
    assert str(caught.value).startswith("d.yaml:56:13: unc.status: template un_command_status.en.j2: ")


@pytest.mark.parametrize("name", ["round-1", "round-2"])
@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_shipped_rounds_render_completely(name, lang):
    text = render_document(load_agreement(str(example_path(name))), lang)
    assert "⟨no" not in text
    assert text.count("[") == text.count("]")
