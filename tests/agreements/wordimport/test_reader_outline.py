"""The whole document decides what opens parts and articles, which paragraph is the title, where notes go."""

from __future__ import annotations

import docx
import pytest

from agreements.model import Agreement
from agreements.wordimport.reader import build_tree
from agreements.wordimport.source import BodyParagraph
from tests.agreements.wordimport.test_reader import DAY, outline


def styled(*lines: tuple[str, str] | str, lang: str = "en") -> tuple[Agreement, object]:
    """Return the agreement and the import of paragraphs given as text, or as (style, text)."""
    body = [BodyParagraph(index, *(line if isinstance(line, tuple) else ("Normal", line)), None)
            for index, line in enumerate(lines, 1)]
    imported = build_tree(body, lang, "a.docx", DAY)
    return Agreement.model_validate(imported.data), imported


def listed(*items: tuple[int | None, str]) -> list[BodyParagraph]:
    """Return plain paragraphs, each at a Word list level (None: not in a list)."""
    return [BodyParagraph(index, "Normal", text, level) for index, (level, text) in enumerate(items, 1)]


def test_sections_in_heading_1_with_subclauses_written_out_in_heading_2_and_3_are_articles_and_paragraphs():
    agreement, _ = styled("Cloud Service Agreement", "By signing, each party agrees.",
                          ("heading 1", "Service "), ("heading 2", "Access and Use.  Customer may use it."),
                          ("heading 2", "Support.  Provider will support it."),
                          ("heading 1", "Term & Termination"), ("heading 2", "Termination.  Either party may end:"),
                          ("heading 3", "\tif the other party breaches;"), ("heading 3", "\tupon notice."),
                          ("heading 2", "Survival."), ("heading 3", "\tSections survive."),
                          ("heading 1", "Definitions."), ("heading 2", "“Product” means the service."))
    assert agreement.meta.title == {"en": "Cloud Service Agreement"}
    assert outline(agreement, "en") == [
        ("recital", "By signing, each party agrees."),
        ("article", "Service"), (0, "Access and Use.  Customer may use it."),
        (0, "Support.  Provider will support it."),
        ("article", "Term & Termination"), (0, "Termination.  Either party may end:"),
        (1, "if the other party breaches;"), (1, "upon notice."), (0, "Survival."), (1, "Sections survive."),
        ("article", "Definitions."), (0, "“Product” means the service.")]


def test_a_heading_over_the_first_section_with_nothing_of_its_own_is_text_before_the_articles():
    agreement, _ = styled("Cloud Service Agreement", "By signing, each party agrees.",
                          ("heading 1", "Cloud Service Agreement"), ("heading 1", "Service"),
                          ("heading 2", "Access.  Customer may use it."), ("heading 1", "Fees"),
                          ("heading 2", "Payment.  Customer pays."))
    assert outline(agreement, "en") == [
        ("recital", "By signing, each party agrees."), ("recital", "Cloud Service Agreement"),
        ("article", "Service"), (0, "Access.  Customer may use it."), ("article", "Fees"),
        (0, "Payment.  Customer pays.")]
    listed_headings, _ = styled(("heading 2", "Alpha"), ("heading 2", "Beta"), ("heading 2", "Gamma"))
    assert [article.heading["en"] for article in listed_headings.body] == ["Beta", "Gamma"]


def test_headings_in_two_levels_of_heading_styles_are_parts_and_articles():
    agreement, _ = styled(("Heading 1", "General Provisions"), ("Heading 2", "Definitions"), "Terms mean this.",
                          ("Heading 2", "Scope"), "It applies.", ("Heading 1", "Final Provisions"),
                          ("Heading 2", "Entry into Force"), "It enters into force.")
    assert [(part.heading["en"], [article.heading["en"] for article in part.children])
            for part in agreement.body] == [("General Provisions", ["Definitions", "Scope"]),
                                            ("Final Provisions", ["Entry into Force"])]


def test_a_leading_heading_1_that_names_no_part_is_the_title():
    agreement, imported = styled(("Heading 1", "Mutual Non-Disclosure Agreement"), ("Heading 1", "Definitions"),
                                 "Terms mean this.", ("Heading 1", "Confidentiality"), "Keep it secret.")
    assert agreement.meta.title == {"en": "Mutual Non-Disclosure Agreement"}
    assert [article.heading["en"] for article in agreement.body] == ["Definitions", "Confidentiality"]
    assert not any("no title" in note for note in imported.notes)
    parted, _ = styled(("Heading 1", "Part I — General"), ("Heading 2", "Definitions"), "Terms mean this.")
    assert parted.meta.title == {"en": "Imported agreement"} and parted.body[0].kind == "part"


def test_the_first_level_of_a_word_list_opens_articles_when_nothing_else_does():
    imported = build_tree(listed((None, "Data Processing Agreement"), (None, "The parties agree."),
                                 (0, "Processing"), (1, "Instructions.  Provider will follow them."),
                                 (2, "\tfirst;"), (3, "a subpoint"), (0, "Security Incident Response"),
                                 (None, "Upon becoming aware of an incident, Provider will notify."),
                                 (0, "The Parties shall keep records.")), "en", "a.docx", DAY)
    agreement = Agreement.model_validate(imported.data)
    assert outline(agreement, "en") == [
        ("recital", "The parties agree."), ("article", "Processing"),
        (0, "Instructions.  Provider will follow them."), (1, "first;"), (2, "a subpoint"),
        ("article", "Security Incident Response"), (0, "Upon becoming aware of an incident, Provider will notify."),
        ("article", None), (0, "The Parties shall keep records.")]


def test_typed_sections_with_decimal_subclauses_are_articles_paragraphs_and_points():
    agreement, imported = styled("SERVICES AGREEMENT", "1. Definitions", "1.1 Terms mean this.", "1.2 And that:",
                                 "1.2.1 first;", "(a) a point of it;", "1.2.2 second.", "2. The Parties shall pay.",
                                 "2.1 Monthly.", "3.1 A section known by its subclauses.")
    assert outline(agreement, "en") == [
        ("article", "Definitions"), (0, "Terms mean this."), (0, "And that:"), (1, "first;"), (2, "a point of it;"),
        (1, "second."), ("article", None), (0, "The Parties shall pay."), (0, "Monthly."),
        ("article", None), (0, "A section known by its subclauses.")]
    assert [imported.numbers[article.id] for article in agreement.body] == [1, 2, 3]


def test_clause_numbers_with_the_heading_on_the_next_line():
    agreement, _ = styled("STANDARD CONTRACTUAL CLAUSES", "Clause 1", "Purpose and scope",
                          "(a) The purpose of these clauses is to ensure compliance.", "Clause 2",
                          "These Clauses may not be modified.")
    assert outline(agreement, "en") == [
        ("article", "Purpose and scope"), (0, "The purpose of these clauses is to ensure compliance."),
        ("article", None), (0, "These Clauses may not be modified.")]


def test_korean_articles_nest_paragraphs_items_and_sub_items_and_keep_the_first_sentence_as_text():
    agreement, _ = styled("대한민국헌법", "제1장 총강", "제1조 ①대한민국은 민주공화국이다.",
                          "②대한민국의 주권은 국민에게 있다.", "제2조(정의) 이 법에서 사용하는 용어의 뜻은 다음과 같다.",
                          "1. \"국가\"란 대한민국을 말한다.", "가. 세부 사항", "2. \"국민\"이란 대한민국 국민을 말한다.",
                          "제3조 ① 국가는 다음 각 호를 한다.", "1. 평화를 지킨다.", "가. 비무장지대를 유지한다.",
                          "② 국가는 노력한다.", "제3조의2 평화는 지킨다.", lang="ko")
    assert agreement.meta.title == {"ko": "대한민국헌법"}
    assert outline(agreement, "ko") == [
        ("part", "총강"), ("article", None), (0, "대한민국은 민주공화국이다."), (0, "대한민국의 주권은 국민에게 있다."),
        ("article", "정의"), (0, "이 법에서 사용하는 용어의 뜻은 다음과 같다."), (0, "\"국가\"란 대한민국을 말한다."),
        (1, "세부 사항"), (0, "\"국민\"이란 대한민국 국민을 말한다."),
        ("article", None), (0, "국가는 다음 각 호를 한다."), (1, "평화를 지킨다."), (2, "비무장지대를 유지한다."),
        (0, "국가는 노력한다."), ("article", None), (0, "평화는 지킨다.")]
    assert [article.id for article in agreement.body[0].children] == ["art-1", "art-2", "art-3", "art-3-2"]


def test_chinese_articles_with_bracketed_titles_and_items():
    agreement, _ = styled("合作协议", "第一章　总则", "第一条（目的）为了合作，制定本协议。", "第二条　双方应当：",
                          "（一）遵守法律；", "（二）履行义务。", "第3条（生效）", "本协议自签署之日起生效。", lang="zh")
    assert outline(agreement, "zh") == [
        ("part", "总则"), ("article", "目的"), (0, "为了合作，制定本协议。"), ("article", None), (0, "双方应当："),
        (1, "遵守法律；"), (1, "履行义务。"), ("article", "生效"), (0, "本协议自签署之日起生效。")]


@pytest.mark.parametrize("lines", [["The war is over."], ["AGREEMENT"], ["One", "Two", "Three"], ["12.34", "Ab,cd"]])
def test_only_a_first_line_that_reads_as_a_title_before_more_text_is_the_title(lines):
    agreement, _ = styled(*lines)
    assert agreement.meta.title == {"en": "Imported agreement"}
    assert [recital.text["en"] for recital in agreement.preamble] == lines


def test_contents_styles_of_word_and_libreoffice_are_skipped():
    agreement, _ = styled("AN AGREEMENT", ("Contents Heading", "Contents"), ("Contents 1", "Preamble\t4"),
                          ("Contents 2", "Article 1 — Scope\t5"), ("TOC 1", "Article 1\t5"),
                          ("Index 1", "zone, 7"), ("Table of Figures", "Figure 1\t3"),
                          "Article 1 — Scope", "It applies.")
    assert outline(agreement, "en") == [("article", "Scope"), (0, "It applies.")]


def test_footnotes_and_comments_go_on_the_node_a_paragraph_becomes():
    body = [BodyParagraph(1, "Title", "AN AGREEMENT", None, footnotes=["Title note."], comments=["Ann: check"]),
            BodyParagraph(2, "Normal", "Recalling the past,", None, footnotes=["A recital note."]),
            BodyParagraph(3, "Normal", "Article 1 — Scope", None, footnotes=["On the heading."],
                          comments=["Bo: why?", "Cy: because"]),
            BodyParagraph(4, "Normal", "1. It applies.", None, footnotes=["First.", "Second."]),
            BodyParagraph(5, "Normal", "(a) here.", None, comments=["Di: ok"])]
    imported = build_tree(body, "en", "a.docx", DAY)
    agreement = Agreement.model_validate(imported.data)
    assert agreement.preamble[0].footnote == {"en": "A recital note."}
    article = agreement.body[0]
    assert (article.footnote, article.note) == ({"en": "On the heading."}, "Bo: why?\nCy: because")
    paragraph = article.children[0]
    assert (paragraph.footnote, paragraph.children[0].note) == ({"en": "First.\nSecond."}, "Di: ok")
    assert [note for note in imported.notes if note.startswith("paragraph 1:")] == [
        "paragraph 1: footnote not placed: Title note.", "paragraph 1: comment not placed: Ann: check"]


@pytest.mark.parametrize("lang, title, parties", [
    ("ko", "가져온 협정", ["당사자 1", "당사자 2"]), ("zh", "导入的协定", ["当事方一", "当事方二"]),
    ("en", "Imported agreement", ["Party 1", "Party 2"]),
])
def test_placeholders_are_in_the_documents_language(lang, title, parties):
    agreement, imported = styled("제1조 평화는 지킨다.", lang=lang)
    assert agreement.meta.title == {lang: title}
    assert [party.names[lang] for party in agreement.parties] == parties
    assert f"no title found: '{title}' written" in imported.notes


def test_a_heading_2_typed_as_an_article_in_a_word_document_is_read_with_its_heading():
    document = docx.Document()
    document.add_paragraph("Peace Agreement", style="Title")
    document.add_paragraph("Chapter I — General", style="Heading 1")
    document.add_paragraph("Article 1 — Scope", style="Heading 2")
    document.add_paragraph("It applies.")
    document.add_paragraph("Article 2", style="Heading 2")
    document.add_paragraph("Definitions", style="Heading 3")
    document.add_paragraph("Terms mean this.")
    from agreements.wordimport.source import paragraphs

    agreement = Agreement.model_validate(build_tree(paragraphs(document), "en", "a.docx", DAY).data)
    assert outline(agreement, "en") == [("part", "General"), ("article", "Scope"), (0, "It applies."),
                                        ("article", "Definitions"), (0, "Terms mean this.")]


def test_a_subclause_of_a_section_not_yet_opened_opens_it_after_a_typed_article():
    agreement, _ = styled("Agreement on Testing", "Clause 1", "Purpose and scope", "This sets out the purpose.",
                          "Section 2.1 The Parties shall meet.", "Section 2.2 The Parties shall report.",
                          "§ 3 Entry into force", "(a) on signature;")
    assert [article.id for article in agreement.body] == ["art-1", "art-2", "art-3"]
    assert outline(agreement, "en") == [
        ("article", "Purpose and scope"), (0, "This sets out the purpose."),
        ("article", None), (0, "The Parties shall meet."), (0, "The Parties shall report."),
        ("article", "Entry into force"), (0, "on signature;")]


def test_a_subclause_of_the_open_section_or_an_earlier_one_stays_in_the_open_article():
    agreement, _ = styled("Agreement on Testing", "Article 2 — Meetings", "2.1 The Parties shall meet.",
                          "1.4 As section 1.4 says, they report.")
    assert [article.id for article in agreement.body] == ["art-2"]


def test_articles_in_a_heading_style_that_are_numbers_alone_hold_nothing_but_their_number():
    agreement, imported = styled(("heading 2", "1"), ("heading 2", "2"), ("heading 2", "3"))
    assert [(article.id, article.heading, article.children) for article in agreement.body] == [
        ("art-1", None, []), ("art-2", None, []), ("art-3", None, [])]
