"""Where lines break: between words, between Chinese characters, never inside a number or before closing marks."""

from __future__ import annotations

import pytest

from clauses.linebreaks import columns, units, wrap_columns


@pytest.mark.parametrize("text, pieces", [
    ("“冻结”步骤应于第180天完成。", ["“冻", "结”", "步", "骤", "应", "于", "第180天", "完", "成。"]),
    ("지뢰 제거 제1단계 (180일차)", ["지뢰", " ", "제거", " ", "제1단계", " ", "(180일차)"]),
    ("Option B (day\u00a0365)", ["Option", " ", "B", " ", "(day\u00a0365)"]),
])
def test_lines_break_between_words_or_ideographs_never_inside_a_number(text, pieces):
    assert units(text) == pieces


def test_columns_count_wide_characters_twice():
    assert (columns("Article 7"), columns("제7조"), columns("第七条")) == (9, 5, 6)


def test_terminal_lines_fit_their_columns_and_keep_numbers_whole():
    text = "“京义线通行点”供公路和铁路通行，应于“板门店通行点”开通后120日内开通。"
    lines = wrap_columns(text, 30)
    assert "".join(lines) == text and all(columns(line) <= 30 for line in lines)
    assert lines == ["“京义线通行点”供公路和铁路通", "行，应于“板门店通行点”开通", "后120日内开通。"]
    assert wrap_columns("지뢰 제거 제1단계의 완료 후 545일 이내에", 20) == ["지뢰 제거 제1단계의", "완료 후 545일 이내에"]
