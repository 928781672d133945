"""The terminology base: one term per concept in every language, drawn by the templates, found longest first."""

from __future__ import annotations

import re

import pytest

from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES, LanguageError, language
from clauses.terminology import CONCEPT, Named, Reader, concept_ids, term
from templates import FOLDER

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_defines_every_concept(lang):
    assert list(language(lang).concepts) == concept_ids()


@pytest.mark.parametrize("path", sorted((FOLDER / "clauses").glob("*.j2")), ids=lambda path: path.name)
def test_no_template_spells_a_defined_term_by_hand(path):
    """A template writes a defined term with concept('…'), so the terminology base is its one home."""
    words = language(path.name.split(".")[-2])
    literal = JINJA.sub(" ", path.read_text(encoding="utf-8"))
    for entry in words.concepts.values():
        for ignored in entry["ignore"]:
            literal = literal.replace(ignored, " ")
    bounded = words.matching == "words"
    spelled = [form for entry in words.concepts.values()
               for form in {entry["term"], entry["term"][:1].upper() + entry["term"][1:]}
               if re.search((r"(?<!\w)" if bounded else "") + re.escape(form) + (r"(?!\w)" if bounded else ""), literal)]
    assert spelled == []


def test_a_template_helper_gives_the_term_and_refuses_an_unknown_concept():
    assert term(language("zh"), "parties") == "当事方"
    with pytest.raises(LanguageError, match=r"templates/language/en.yaml: no term for the concept 'peace'"):
        term(language(DEFAULT_LANGUAGE), "peace")


def test_words_are_found_longest_first_and_variants_are_marked():
    reader = Reader(language("zh"), [Named("body", "jmc", ("南北军事联合委员会", "军事联合委员会"))])
    found = [(mention.id, mention.found, mention.avoided) for mention in
             reader.mentions("有关当事方和各方应通知南北军事联合委员会，各方面的问题由争端当事方解决")]
    assert found == [("parties_concerned", "有关当事方", False), ("parties", "各方", True),
                     ("jmc", "南北军事联合委员会", False)]


def test_english_words_are_found_at_word_boundaries_and_at_the_start_of_a_sentence():
    reader = Reader(language("en"), [])
    found = [(mention.kind, mention.id, mention.found) for mention in
             reader.mentions("The Parties concerned and each Party; Partying is not a Party's concern.")]
    assert found == [(CONCEPT, "parties_concerned", "The Parties concerned"), (CONCEPT, "parties", "Party"),
                     (CONCEPT, "parties", "Party")]


def test_a_name_the_draft_gives_is_that_entity_before_a_concept_of_the_same_words():
    reader = Reader(language("en"), [Named("body", "unc", ("United Nations Command",))])
    found = [(mention.kind, mention.id) for mention in reader.mentions("the United Nations Command and the UN Command")]
    assert found == [("body", "unc"), (CONCEPT, "un_command")]


@pytest.mark.parametrize(("abbreviation", "concept", "korean", "chinese"), [
    ("DMZ", "demilitarized_zone", "비무장지대", "非军事区"), ("MDL", "military_demarcation_line", "군사분계선", "军事分界线"),
    ("NLL", "northern_limit_line", "북방한계선", "北方限界线"), ("UNC", "un_command", "유엔군사령부", "联合国军司令部"),
    ("MAC", "military_armistice_commission", "군사정전위원회", "军事停战委员会"),
    ("NNSC", "neutral_nations_supervisory_commission", "중립국감독위원회", "中立国监察委员会"),
    ("KPA", "korean_peoples_army", "조선인민군", "朝鲜人民军"), ("CPV", "chinese_peoples_volunteers", "중국인민지원군", "中国人民志愿军"),
    ("JSA", "joint_security_area", "공동경비구역", "共同警备区"),
])
def test_the_abbreviations_a_reader_types_belong_to_their_concepts_in_every_language(abbreviation, concept, korean,
                                                                                      chinese):
    assert abbreviation in language("en").concepts[concept]["abbreviations"]
    assert (term(language("ko"), concept), term(language("zh"), concept)) == (korean, chinese)
    assert abbreviation not in Reader(language("en"), []).meaning  # search expands them; the text check does not
