"""A party's own copy (the alternat) and the DPRK's Korean as a variant of Korean."""

from __future__ import annotations

import pytest

from agreements.authentic.check import check_languages, units, with_variants
from agreements.drafts import parse_agreement
from agreements.examples import example_bytes
from agreements.render.text import render_document
from clauses.errors import InputError
from clauses.languages import LANGUAGES, VARIANTS, language, variant_for

ROUND_2 = parse_agreement(example_bytes("round-2").decode("utf-8"), "round-2.yaml")


def test_a_variant_is_not_a_language_of_its_own():
    assert "ko-KP" in VARIANTS and "ko-KP" not in LANGUAGES
    assert language("ko-KP").variant_of == "ko"
    assert variant_for("ko", "dprk").code == "ko-KP" and variant_for("ko", "rok") is None
    assert variant_for("en", "dprk") is None


def test_a_variant_reads_its_base_file_and_words_it_its_own_way():
    variant = language("ko-KP")
    assert variant.phrase("article", n=3) == language("ko").phrase("article", n=3) == "제3조"
    assert variant.vary("남과 북은 한반도에서 남북군사공동위원회를") == "북과 남은 조선반도에서 북남군사공동위원회를"


def test_the_dprk_copy_names_it_first_and_is_in_its_korean():
    text = render_document(ROUND_2, "ko", copy_for="dprk")
    lines = text.splitlines()
    assert lines[0] == "조선반도 항구적 평화체제 구축에 관한 협정"
    assert "조선민주주의인민공화국, 대한민국, 미합중국 및 중화인민공화국(이하 “당사자”라 한다)은," in lines
    assert "한반도" not in text and "남과 북" not in text
    signing = [line for line in lines if line.endswith("을 위하여") or line.endswith("를 위하여")]
    assert signing[:2] == ["조선민주주의인민공화국을 위하여", "대한민국을 위하여"]
    assert "   라. “북과 남”이란 조선민주주의인민공화국과 대한민국을 말한다." in lines


def test_a_copy_is_an_original_of_its_own():
    """Under the alternat each party signs its own original: a copy is done in as many originals as signatories."""
    common = [line for line in render_document(ROUND_2, "en").splitlines() if line.startswith("DONE at")]
    copy = [line for line in render_document(ROUND_2, "en", copy_for="dprk").splitlines() if line.startswith("DONE at")]
    assert common == ["DONE at Panmunjom on 25 June 2027, in a single original in the English, Korean and Chinese "
                      "languages, each text being equally authentic."]
    assert copy == ["DONE at Panmunjom on 25 June 2027, in quadruplicate in the English, Korean and Chinese "
                    "languages, each text being equally authentic."]


def test_the_english_copy_of_the_united_states_lists_it_first():
    lines = render_document(ROUND_2, "en", copy_for="usa").splitlines()
    assert lines[6].startswith("The United States of America, the Republic of Korea, the Democratic People's")
    signing = [line for line in lines if line.startswith("For the ")]
    assert signing[:2] == ["For the United States of America:", "For the Republic of Korea:"]
    assert render_document(ROUND_2, "en", copy_for="usa").count("Korean Peninsula") > 5


def test_a_copy_for_no_signatory_is_refused_naming_the_signatories():
    with pytest.raises(InputError) as raised:
        render_document(ROUND_2, "en", copy_for="un")
    assert raised.value.lines() == ["peacedraft: --copy-for un: no signatory has that id "
                                    "(signatories: rok, dprk, usa, prc) [PD-E097]"]


def test_the_check_reads_the_variant_beside_the_languages():
    unit = next(unit for unit in units(ROUND_2, ["en", "ko", "zh"]) if unit.node_id == "preamble.end-of-war")
    varied = with_variants(unit, ["en", "ko", "zh"])
    assert varied.texts["ko-KP"].startswith("조선반도에서 전쟁상태를")
    assert varied.locations["ko-KP"] == varied.locations["ko"]
    assert check_languages(ROUND_2) == []
