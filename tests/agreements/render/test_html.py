"""The HTML renderer: every block the text shows, each text in its language's tag, brackets naming proposers,
positions, footnotes linked both ways, drafters' notes, findings at their nodes, escaping, a page with no script
and nothing from the network, the same bytes every time, and the language files' fonts."""

from __future__ import annotations

import re

import lxml.html
import pytest

from agreements.document.compose import compose
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from agreements.render.html import document_html, html_page
from agreements.render.html_styles import css_family, language_styles
from agreements.render.text import render_document
from tests.agreements.render.test_footnotes_and_notes import ANNEX_NOTE, ARTICLE_NOTE, NOTED, POINT_NOTE
from tests.conftest import BASE_DRAFT, mutate

BASE = load_agreement(str(BASE_DRAFT))
ROUND_2 = load_agreement(str(example_path("round-2")))
TAGS = {"en": "en-GB", "ko": "ko-KR", "zh": "zh-CN"}
SUPERSCRIPTS = {ord(digit): None for digit in "⁰¹²³⁴⁵⁶⁷⁸⁹"}
HANGUL, HAN = re.compile("[가-힣]"), re.compile("[一-鿿]")


def fragment(agreement, languages: list[str], findings=None, **options) -> lxml.html.HtmlElement:
    """Return the document's <article>, parsed."""
    document = compose(agreement, languages, **options)
    return lxml.html.fragment_fromstring(str(document_html(document, document.languages, findings)))


def page(agreement, lang: str, **options) -> lxml.html.HtmlElement:
    """Return the whole page, parsed."""
    return lxml.html.document_fromstring(html_page(agreement, lang, **options))


def squeezed(text: str) -> str:
    """Return text with every run of white space one space."""
    return " ".join(text.split())


def nearest_lang(element: lxml.html.HtmlElement) -> str | None:
    """Return the lang of the element or of its nearest ancestor that has one."""
    return next((item.get("lang") for item in (element, *element.iterancestors()) if item.get("lang")), None)


def texts(root: lxml.html.HtmlElement) -> list[tuple[lxml.html.HtmlElement, str]]:
    """Return each text node that is not white space, with the element that holds it."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.text and element.text.strip():
            found.append((element, element.text))
        if element is not root and element.tail and element.tail.strip():
            found.append((element.getparent(), element.tail))
    return found


def node_of(element: lxml.html.HtmlElement) -> str | None:
    """Return the node id of the nearest element that names one."""
    return next((item.get("data-node") for item in element.iterancestors() if item.get("data-node")), None)


@pytest.mark.parametrize("internal", [False, True])
@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
@pytest.mark.parametrize("agreement", [NOTED, ROUND_2], ids=["noted", "round-2"])
def test_every_line_of_the_text_appears(agreement, lang, internal):
    shown = squeezed(fragment(agreement, [lang], internal=internal).text_content())
    lines = [squeezed(line.translate(SUPERSCRIPTS)).removeprefix("» ")
             for line in render_document(agreement, lang, internal=internal).splitlines()]
    assert [line for line in lines if line not in shown] == []


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_every_text_is_in_its_language_and_a_note_in_its_own(lang):
    root = fragment(NOTED, [lang], internal=True)
    others = {(nearest_lang(element), text) for element, text in texts(root) if nearest_lang(element) != TAGS[lang]}
    assert {nearest_lang(element) for element, _ in texts(root)} - {TAGS[lang]} <= {TAGS["en"]}
    assert all(not HANGUL.search(text) and not HAN.search(text) for _, text in others)
    if lang != "en":  # the parties' notes and the drafters' are written in English, marked so in every language
        assert {text for _, text in others} >= {"Wants 20 km.", ARTICLE_NOTE}


def test_side_by_side_each_cell_holds_its_language_and_each_row_one_block():
    root = fragment(NOTED, ["en", "ko", "zh"], internal=True)
    for element, text in texts(root):
        if HANGUL.search(text):
            assert nearest_lang(element) == "ko-KR", text
        elif HAN.search(text):
            assert nearest_lang(element) == "zh-CN", text
    rows = root.xpath("//div[contains(concat(' ', @class, ' '), ' row ')]")
    assert {tuple(cell.get("lang") for cell in row.xpath("./div[@class='cell']")) for row in rows} == {
        ("en-GB", "ko-KR", "zh-CN")}
    point = root.get_element_by_id("final.steps.note")
    assert [squeezed(cell.text_content()) for cell in point.xpath("./div[@class='cell']")] == [
        "(a) The Parties shall review the phases annually.2", "가. 당사자들은 매년 단계를 검토한다.2",
        "（一）各当事方应每年审查各阶段。2"]
    assert root.get("lang") == "en-GB" and "parallel" in root.get("class").split()


def test_numbers_and_headings_nest_as_the_agreement_does():
    root = fragment(NOTED, ["zh"])
    part = root.get_element_by_id("military")
    assert part.tag == "section" and part.find("h2").text_content() == "第一部分　军事问题"
    assert [h.text_content() for h in part.xpath("./section/h3")] == ["第一条　部队后撤1", "第二条"]
    final = root.get_element_by_id("final")
    assert final.find("h2") is not None
    assert [label.text for label in final.xpath("./ol/li/p/span[@class='label']")] == ["一、", "二、"]
    assert [label.text for label in final.xpath("./ol/li/ol/li/p/span[@class='label']")] == ["（一）"]


def test_a_bracket_within_a_sentence_names_its_proposers():
    for lang, expected in (("en", "[10] [20 (Democratic People's Republic of Korea)]"),
                           ("ko", "[10킬로미터] [20킬로미터(조선민주주의인민공화국 제안)]")):
        bracket = fragment(BASE, [lang]).get_element_by_id("pullback.distance").find(".//span[@class='bracket inline']")
        assert squeezed(bracket.text_content()) == expected
        assert len(bracket.xpath(".//span[@class='proposer']")) == 1


def test_whole_options_are_lettered_each_naming_its_proposers():
    recital = fragment(ROUND_2, ["en"]).get_element_by_id("preamble.denuclearization")
    options = recital.xpath(".//span[@class='bracket whole']/span[@class='option']")
    assert [option.get("data-option") for option in options] == ["A", "B", "C"]
    assert [option.xpath(".//span[@class='proposer']/text()") for option in options] == [
        ["Republic of Korea", "United States"], ["Democratic People's Republic of Korea"], ["China"]]
    assert squeezed(options[0].text_content()).startswith(
        "[Option A (Republic of Korea, United States): Determined to achieve")
    assert options[0].find(".//span[@class='option-label']").text == "Option A"


def test_each_node_shows_the_parties_positions():
    notes = fragment(BASE, ["en"]).get_element_by_id("pullback.distance").xpath("./aside[@class='notes']")
    assert [squeezed(note.text_content()) for note in notes] == [
        "Positions: Republic of Korea: supports; Democratic People's Republic of Korea: opposes (Wants 20 km.)"]


def test_footnotes_are_numbered_at_the_end_and_linked_both_ways():
    root = fragment(NOTED, ["en"])
    marks = root.xpath("//a[@role='doc-noteref']")
    assert [mark.text for mark in marks] == ["1", "2"]
    notes = root.xpath("//section[@class='footnotes']/ol/li")
    assert [squeezed(note.text_content()) for note in notes] == ["As measured on the ground. ↩︎", "See Annex I. ↩︎"]
    for mark, note in zip(marks, notes):
        assert mark.get("href") == f"#{note.get('id')}"
        assert note.find(".//a[@role='doc-backlink']").get("href") == f"#{mark.get('id')}"
    assert [node_of(mark) for mark in marks] == ["pullback", "final.steps.note"]


def test_side_by_side_each_language_numbers_its_own_footnotes():
    root = fragment(NOTED, ["en", "ko", "zh"])
    ids = [mark.get("href") for mark in root.xpath("//a[@role='doc-noteref']")]
    assert len(ids) == len(set(ids)) == 6
    assert all(root.xpath(f"//*[@id='{target[1:]}']") for target in ids)


def test_drafters_notes_are_asides_at_their_nodes_in_an_internal_edition_only():
    asides = fragment(NOTED, ["en"], internal=True).xpath("//aside[@class='drafter-note']")
    assert [aside.text_content() for aside in asides] == [f"Drafters’ note: {note}"
                                                         for note in (ARTICLE_NOTE, POINT_NOTE, ANNEX_NOTE)]
    assert [node_of(aside) for aside in asides] == ["pullback", "final.steps.note", "annex.maps"]
    assert fragment(NOTED, ["en"]).xpath("//aside[@class='drafter-note']") == []


def test_findings_stand_at_their_nodes_and_those_at_no_node_first():
    findings = {"pullback.distance": [("error", "Distance below 2 km"), ("warning", "No Korean text")],
                "gone": [("warning", "No such node")]}
    for languages in (["en"], ["en", "ko", "zh"]):
        root = fragment(BASE, languages, findings)
        asides = root.xpath("//aside[contains(@class, 'finding')]")
        assert [(aside.get("class"), squeezed(aside.text_content()), node_of(aside) or aside.get("data-node"))
                for aside in asides] == [("finding warning", "warning: gone: No such node", "gone"),
                                         ("finding error", "error: Distance below 2 km", "pullback.distance"),
                                         ("finding warning", "warning: No Korean text", "pullback.distance")]
        assert all(aside.get("role") == "note" for aside in asides)


def test_signatures_and_the_non_paper_mark():
    root = fragment(ROUND_2, ["en"], non_paper=True)
    assert root[0].get("class") == "non-paper-mark"
    assert root[0].text == "Non-paper — without prejudice to the position of any party"
    assert root.xpath("//span[@class='proposer']") == [] and root.xpath("//aside[@class='notes']") == []
    signature = root.xpath("//div[@class='signature'][@data-party='dprk']/p")[0]
    assert [line.strip() for line in signature.itertext()] == [
        "For the", "Democratic People's Republic of Korea", ":", "(Signature)", "Name: ……", "Title: ……"]
    assert root.xpath("//p[@class='signature-caption']/text()") == ["In the presence of:"]


def test_a_partys_copy_is_in_its_variant_and_tagged_so():
    root = page(ROUND_2, "ko", copy_for="dprk")
    assert root.get("lang") == "ko-KP" and root.find(".//article").get("lang") == "ko-KP"
    assert "조선반도" in root.find(".//h1").text and "한반도" not in root.find(".//body").text_content()


DANGER = "<script>alert(1)</script>"


def dangerous_draft():
    """Return the base draft with markup in a text, a heading, a party's note and a footnote."""
    text = BASE_DRAFT.read_text(encoding="utf-8")
    text = mutate(text, "text: {en: The Parties shall review the phases annually.,",
                  f"footnote: {{en: '{DANGER}'}}\n            text: {{en: '{DANGER} & <b>bold</b>',")
    text = mutate(text, "heading: {en: Pull-back of Forces,", "heading: {en: 'Pull-back <img src=x onerror=alert(1)>',")
    return parse_agreement(mutate(text, "note: Wants 20 km.", "note: 'Wants <i>20</i> km.'"), "danger.yaml")


def test_a_drafts_markup_is_written_as_text():
    agreement = dangerous_draft()
    root = page(agreement, "en")
    body = root.find(".//body")
    assert body.xpath(".//script | .//img | .//b | .//i") == []
    shown = body.text_content()
    assert f"{DANGER} & <b>bold</b>" in shown and "Pull-back <img src=x onerror=alert(1)>" in shown
    assert "(Wants <i>20</i> km.)" in shown and f"{DANGER}\u00a0↩︎" in shown
    found = fragment(agreement, ["en"], {"final.steps.note": [("error", DANGER)]})
    assert found.xpath("//script") == [] and found.xpath("//aside[@class='finding error']/p/text()") == [f": {DANGER}"]


@pytest.mark.parametrize("lang", ["en", "ko", "zh", "parallel"])
def test_the_page_has_no_script_and_nothing_from_the_network(lang):
    text = html_page(ROUND_2, lang, internal=True)
    root = lxml.html.document_fromstring(text)
    assert root.xpath("//script | //link | //img | //iframe | //object | //@*[starts-with(name(), 'on')]") == []
    assert [link for link in root.xpath("//@href | //@src") if not link.startswith("#")] == []
    assert re.findall(r"https?:|url\(|@import", text) == []
    assert root.get("lang") == ("en-GB" if lang == "parallel" else TAGS[lang])
    assert root.find(".//title").text == ROUND_2.meta.title["en" if lang == "parallel" else lang]


def test_the_same_bytes_every_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    first = html_page(NOTED, "parallel", internal=True).encode("utf-8")
    assert html_page(NOTED, "parallel", internal=True).encode("utf-8") == first


def test_each_languages_fonts_come_from_its_file():
    styles = language_styles()
    assert ':lang(ko-KR) { font-family: "Noto Serif CJK KR", "Batang", "바탕",' in styles
    assert ':lang(zh-CN) { font-family: "Noto Serif CJK SC", "SimSun", "宋体",' in styles
    assert ':lang(ko-KP) { font-family: "Noto Serif CJK KR",' in styles
    assert ':lang(en-GB) { font-family: "Noto Serif", "Georgia",' in styles
    assert all(line.endswith(", serif; }") for line in styles.splitlines() if "font-family" in line)
    assert styles in html_page(BASE, "ko")


def test_a_font_name_cannot_end_the_style_element():
    assert css_family('Evil"</style>') == '"Evil\\"\\3c /style>"'
    assert css_family("serif") == "serif"


def test_a_partys_note_is_marked_in_the_language_it_is_written_in():
    notes = fragment(ROUND_2, ["zh"]).xpath("//aside[@class='notes']")
    marked = [(span.get("lang"), span.text) for note in notes for span in note.xpath(".//span[@lang]")]
    assert ("en-GB", "Required for domestic approval.") in marked
    assert all(note.get("lang") == "zh-CN" for note in notes)
    assert [text for tag, text in marked if tag != "en-GB"] == []


def test_chinese_separates_the_parties_positions_and_options_with_its_own_punctuation():
    root = fragment(ROUND_2, ["zh"])
    lines = ["".join(note.xpath(".//text()[not(ancestor::span[@lang])]"))  # the parties' own words left out
             for note in root.xpath("//aside[@class='notes']")]
    assert any("；美国：" in line for line in lines) and not any("; " in line for line in lines)
    shown = root.text_content()
    assert "［方案A" in shown and "[" not in shown and "]" not in shown


def test_numbers_have_a_gap_after_them_except_in_chinese():
    styles = language_styles()
    assert ".paragraph-text, .point-text, .subpoint-text, .recital-text):lang(zh-CN) { gap: 0; }" in styles
    assert "lang(en-GB) { gap" not in styles and "lang(ko-KR) { gap" not in styles


def test_the_link_back_from_a_footnote_stays_with_its_last_words():
    for lang, keep in (("zh", "\u2060"), ("en", "\u00a0")):
        note = fragment(ROUND_2, [lang]).xpath("//section[@class='footnotes']//li/p")[0]
        assert note.text.endswith(keep) and note.find("a").text == "↩︎"
