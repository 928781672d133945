"""The Akoma Ntoso export: valid against the official schema, numbered and worded as the text rendering, stable."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from lxml import etree

from agreements.drafts import load_agreement, parse_agreement
from clauses.errors import OutputError
from agreements.examples import example_path
from agreements.export import language_path
from agreements.export.schema import SCHEMA_FOLDER, check_akn, load_schema
from agreements.render.akn import akn_bytes, akn_tree, element_id
from agreements.render.akn_meta import AKN_NS
from agreements.model import Part
from agreements.render.text import render_document
from clauses.languages import language
from tests.conftest import BASE_DRAFT, mutate
from tests.processes import bytes_elsewhere

ROOT = Path(__file__).resolve().parents[3]
REFERENCE = ROOT.parent / "shared" / "reference" / "akomantoso30"
SCHEMA_FILES = ("akomantoso30.xsd", "xml.xsd", "LICENSE", "README.md")
NS = {"a": AKN_NS}
ROUNDS = ("round-1", "round-2")
LANGS = ("en", "ko", "zh")
CASES = [(name, lang) for name in ROUNDS for lang in LANGS]
ARTICLE_LINE = {"en": r"Article \d+( — .*)?", "ko": r"제\d+조( .*)?", "zh": r"第[零〇一二三四五六七八九十百千]+条(　.*)?"}
HIERARCHY = ("part", "article", "paragraph", "point")
EID_NAMES = {"part": "part", "article": "art", "paragraph": "para", "point": "point"}
ATTACHED = r"(att_\d+__)?"  # what an annex's (an attachment's) eIds begin with
EID_FORMS = {"part": r"part_[IVXLCDM]+", "article": ATTACHED + r"art_\d+",
             "paragraph": ATTACHED + r"(art_\d+__)?para_\d+",
             "point": ATTACHED + r"(art_\d+__)?para_\d+__point_[a-z]+(__point_[ivxlcdm]+)*"}
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")  # a footnote's marker as the text rendering writes it
NESTED = """
            children:
              - id: final.steps.note.sub
                kind: text
                text: {en: The first review takes place within one year., ko: 첫 검토는 1년 이내에 한다., zh: 首次审查在一年内进行。}
"""


@functools.cache
def draft(name: str):
    """Return a shipped example round (or the base test draft, named 'base')."""
    return load_agreement(str(BASE_DRAFT if name == "base" else example_path(name)))


@functools.cache
def exported(name: str, lang: str) -> bytes:
    """Return the Akoma Ntoso export of a draft in a language."""
    return akn_bytes(draft(name), lang)


def parsed(data: bytes) -> etree._Element:
    """Return the root of an exported document."""
    return etree.fromstring(data)


@pytest.fixture(scope="module")
def official_schema() -> etree.XMLSchema:
    """Return the official Akoma Ntoso 3.0 schema from ../shared/reference, loaded with plain lxml."""
    if not REFERENCE.is_dir():
        pytest.skip(f"the official Akoma Ntoso 3.0 schema folder {REFERENCE} is missing")
    return etree.XMLSchema(etree.parse(str(REFERENCE / "akomantoso30.xsd")))


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_both_rounds_are_valid_against_the_official_schema(official_schema, name, lang):
    assert official_schema.validate(parsed(exported(name, lang))), str(official_schema.error_log)


@pytest.mark.parametrize(("name", "lang"), [*CASES, ("base", "ko")])
def test_the_shipped_schema_accepts_the_export(name, lang):
    check_akn(exported(name, lang), f"{name}.{lang}.xml")


@pytest.mark.parametrize("file", SCHEMA_FILES)
def test_shipped_schema_is_the_official_one(file):
    if not REFERENCE.is_dir():
        pytest.skip(f"the official Akoma Ntoso 3.0 schema folder {REFERENCE} is missing")
    assert (SCHEMA_FOLDER / file).read_bytes() == (REFERENCE / file).read_bytes()


def test_an_invalid_document_is_one_located_error():
    root = akn_tree(draft("base"), "en")
    meta = root.find(".//a:meta", NS)
    meta.remove(meta.find("a:identification", NS))
    with pytest.raises(OutputError) as raised:
        check_akn(etree.tostring(root), "out.en.xml")
    message = str(raised.value)
    assert message.startswith("out.en.xml: not valid Akoma Ntoso 3.0 (line ") and "identification" in message
    assert "\n" not in message and AKN_NS not in message


def test_schema_imports_resolve_to_the_shipped_copy_without_the_network(tmp_path):
    text = (SCHEMA_FOLDER / "akomantoso30.xsd").read_text(encoding="utf-8")
    remote = mutate(text, 'schemaLocation="./xml.xsd"', 'schemaLocation="http://www.w3.org/2001/xml.xsd"')
    (tmp_path / "akomantoso30.xsd").write_text(remote, encoding="utf-8")
    schema = load_schema(tmp_path / "akomantoso30.xsd")
    assert schema.validate(parsed(exported("base", "en")))
    offline = etree.XMLParser(no_network=True)
    with pytest.raises(etree.XMLSchemaParseError):
        etree.XMLSchema(etree.parse(str(tmp_path / "akomantoso30.xsd"), offline))


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_articles_are_numbered_and_headed_as_in_the_text(name, lang):
    words = language(lang)
    text_lines = render_document(draft(name), lang).splitlines()
    in_text = [line for line in text_lines if re.fullmatch(ARTICLE_LINE[lang], line)]
    in_xml = [_heading_line(article, words) for article in parsed(exported(name, lang)).iterfind(".//a:article", NS)]
    articles = sum(len(top.children) if isinstance(top, Part) else 1 for top in draft(name).body)
    assert in_xml == in_text and len(in_xml) == articles == 24


@pytest.mark.parametrize(("name", "lang"), [*CASES, ("base", "en"), ("base", "zh")])
def test_every_line_of_the_text_is_in_the_xml(name, lang):
    rendered = [line.lstrip() for line in render_document(draft(name), lang).splitlines() if line.strip()]
    assert _lines_of(parsed(exported(name, lang)), language(lang)) == rendered


def test_missing_text_is_marked_as_in_the_text_rendering():
    text = mutate(BASE_DRAFT.read_text(encoding="utf-8"), "ko: 당사자들은 매년 단계를 검토한다., ", "")
    agreement = parse_agreement(text, "draft.yaml")
    root = parsed(akn_bytes(agreement, "ko"))
    assert root.find(".//a:point[@GUID='final.steps.note']/a:content/a:p", NS).text == "⟨no ko text⟩"
    assert _lines_of(root, language("ko")) == [line.lstrip() for line in
                                               render_document(agreement, "ko").splitlines() if line.strip()]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_eids_are_unique_and_follow_the_naming_convention(name, lang):
    root = parsed(exported(name, lang))
    eids = [element.get("eId") for element in root.iter() if element.get("eId")]
    assert len(eids) == len(set(eids))
    english = parsed(exported(name, "en"))
    assert _hierarchy_eids(root) == _hierarchy_eids(english)
    for element in english.iter(*(f"{{{AKN_NS}}}{tag}" for tag in HIERARCHY)):
        tag = etree.QName(element).localname
        assert re.fullmatch(EID_FORMS[tag], element.get("eId")), element.get("eId")
        assert element.get("eId") == _expected_eid(element, tag)


@pytest.mark.parametrize("name", ROUNDS)
def test_guids_are_the_stable_node_ids(name):
    agreement = draft(name)
    ids = {recital.id for recital in agreement.preamble}
    stack = [*agreement.body, *agreement.annexes]
    while stack:
        node = stack.pop()
        ids.add(node.id)
        stack.extend(node.children)
    guids = [element.get("GUID") for element in parsed(exported(name, "zh")).iter() if element.get("GUID")]
    assert sorted(guids) == sorted(ids)


def test_points_within_points_take_their_own_numbers():
    agreement = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8").rstrip("\n") + NESTED, "draft.yaml")
    root = parsed(akn_bytes(agreement, "en"))
    point = root.find(".//a:point[@GUID='final.steps.note.sub']", NS)
    assert (point.get("eId"), point.findtext("a:num", namespaces=NS)) == ("art_3__para_2__point_a__point_i", "(i)")
    check_akn(etree.tostring(root), "nested.xml")


def test_element_ids():
    assert element_id("part", 3, None) == "part_III"
    assert element_id("article", 7, None) == "art_7"
    assert element_id("paragraph", 2, "art_7") == "art_7__para_2"
    assert element_id("point", 28, "art_7__para_2") == "art_7__para_2__point_ab"
    assert element_id("subpoint", 4, "art_7__para_2__point_b") == "art_7__para_2__point_b__point_iv"


@pytest.mark.parametrize("name", ROUNDS)
def test_same_input_same_bytes_whatever_the_clock(monkeypatch, name):
    """A copy read in a process with another hash seed and SOURCE_DATE_EPOCH=0 exports the same bytes."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = akn_bytes(draft(name), "ko")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    setup = ("from pathlib import Path\nfrom agreements.drafts import parse_agreement\n"
             "from agreements.render.akn import akn_bytes\n"
             f"again = parse_agreement(Path({str(example_path(name))!r}).read_text(encoding='utf-8'), 'copy.yaml')")
    assert bytes_elsewhere(setup, 'akn_bytes(again, "ko")') == first
    dates = {element.get("date") for element in parsed(first).iter() if element.get("date")}
    assert dates == {draft(name).meta.date.isoformat()}


def test_xml_declaration_utf8_and_language_metadata():
    data = exported("round-2", "ko")
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<akomaNtoso xmlns=\"" + AKN_NS.encode())
    assert "조선민주주의인민공화국".encode() in data
    root = parsed(data)
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "kor"
    assert root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value") == \
        "/akn/int/act/peace_agreement/2027-06-25/round-2/kor@2027-06-25"
    assert root.find(".//a:body", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "ko"
    assert root.findtext(".//a:preface//a:docTitle", namespaces=NS) == "한반도 항구적 평화체제 구축에 관한 협정"


def test_signature_blocks_follow_the_parties_in_order():
    root = parsed(exported("round-2", "en"))
    blocks = root.findall(".//a:conclusions/a:blockContainer", NS)
    signed = [(party.get("refersTo"), party.get("as"), party.text) for block in blocks
              for party in block.iterfind(".//a:party", NS)]
    assert signed == [("#rok", "#signatory", "Republic of Korea"),
                      ("#dprk", "#signatory", "Democratic People's Republic of Korea"),
                      ("#usa", "#signatory", "United States of America"),
                      ("#prc", "#signatory", "People's Republic of China"), ("#un", "#witness", "United Nations")]
    known = {element.get("eId") for element in root.find(".//a:references", NS)}
    assert {reference.get("refersTo")[1:] for reference in root.iterfind(".//a:conclusions//*[@refersTo]", NS)} <= known


@pytest.mark.parametrize(("lang", "place", "done"), [
    ("en", "Panmunjom", "DONE at Panmunjom on 25 June 2027, in a single original in the English, Korean and Chinese "
                        "languages, each text being equally authentic."),
    ("zh", "板门店", "本协定于2027年6月25日在板门店签订，正本一份，用英文、韩文/朝鲜文和中文写成，各种文本同等作准。"),
])
def test_the_conclusions_carry_the_testimonium_with_its_place_and_date(lang, place, done):
    root = parsed(exported("round-2", lang))
    testimonium = root.find(".//a:conclusions/a:formula[@name='testimonium']", NS)
    sentences = testimonium.findall("a:p", NS)
    assert len(sentences) == 2 and "".join(sentences[1].itertext()) == done
    assert sentences[1].findtext("a:location", namespaces=NS) == place
    assert sentences[1].find("a:location", NS).get("refersTo") == "#place"
    assert sentences[1].find("a:date", NS).get("date") == "2027-06-25"
    preamble = root.find(".//a:preamble", NS)
    assert [(etree.QName(child).localname, child.get("name")) for child in preamble] == [
        ("recitals", None), ("formula", "enactingFormula")]
    assert preamble.findtext("a:recitals/a:intro/a:p", namespaces=NS).startswith(
        {"en": "The Republic of Korea, ", "zh": "大韩民国、"}[lang])


def test_language_paths():
    assert language_path("out.xml", "en") == "out.en.xml"
    assert language_path("exports/round.2/out", "zh") == "exports/round.2/out.zh"
    assert language_path("out.akn.xml", "ko") == "out.akn.ko.xml"


def _heading_line(element: etree._Element, words) -> str:
    """Return 'Article 7 — Heading' from an element's num and heading, as the text rendering writes it."""
    label = element.findtext("a:num", namespaces=NS)
    heading = element.findtext("a:heading", namespaces=NS)
    return words.phrase("heading", label=label, title=heading) if heading is not None else label


def _lines_of(root: etree._Element, words) -> list[str]:
    """Return the lines the text rendering would show, read back from the XML (the roles of the signatures aside)."""
    lines = [root.findtext(".//a:docTitle", namespaces=NS), "".join(root.find(".//a:docStage", NS).itertext())]
    for part in root.find(".//a:preamble", NS):
        if etree.QName(part).localname == "formula":
            lines += [p.text for p in part.iterfind("a:p", NS)]
            continue
        lines.append(part.findtext("a:heading", namespaces=NS))
        lines += [p.text for p in part.iterfind("a:intro/a:p", NS)]
        lines += [" ".join(p.text for p in recital.iterfind("a:p", NS)) for recital in part.iterfind("a:recital", NS)]
    lines += _hierarchy_lines(root.find("a:act/a:body", NS), words)
    lines += ["".join(p.itertext()) for p in root.find(".//a:conclusions", NS).iter(f"{{{AKN_NS}}}p")
              if p.find("a:role", NS) is None]
    for act in root.iterfind("a:act/a:attachments/a:attachment/a:act", NS):
        title = act.find("a:preface//a:docTitle", NS)
        lines.append(words.phrase("heading", label=act.findtext("a:preface//a:docNumber", namespaces=NS),
                                  title=title.text) + _marks(title))
        lines += _hierarchy_lines(act.find("a:body", NS), words)
    notes = list(root.iter(f"{{{AKN_NS}}}authorialNote"))
    if notes:
        lines.append(words.phrase("footnotes"))
        lines += [f"{note.get('marker').translate(SUPERSCRIPTS)} "
                  f"{note.findtext('a:p', namespaces=NS)}" for note in notes]
    return [line.lstrip() for line in lines if line and line.strip()]


def _marks(element: etree._Element) -> str:
    """Return the text rendering's marks of the footnotes an element holds (¹)."""
    return "".join(note.get("marker").translate(SUPERSCRIPTS)
                   for note in element.iterfind("a:authorialNote", NS))


def _hierarchy_lines(body: etree._Element, words) -> list[str]:
    """Return the lines of the articles, paragraphs and points of a body (or an annex's), as the text shows them."""
    lines = []
    for element in body.iter(*(f"{{{AKN_NS}}}{tag}" for tag in HIERARCHY)):
        if etree.QName(element).localname in ("part", "article"):
            lines.append(_heading_line(element, words))
            continue
        holder = element.find("a:content", NS)
        holder = element.find("a:intro", NS) if holder is None else holder
        paragraphs = list(holder.iterfind("a:p", NS))
        texts = [p.text or "" for p in paragraphs]
        texts[-1] += _marks(paragraphs[-1])
        gap = words.phrases.get("label_gap", " ")
        lines += [f"{element.findtext('a:num', namespaces=NS)}{gap}{texts[0]}", *texts[1:]]
    return lines


def _hierarchy_eids(root: etree._Element) -> list[str]:
    """Return the eIds of the parts, articles, paragraphs and points in document order."""
    return [element.get("eId") for element in root.iter(*(f"{{{AKN_NS}}}{tag}" for tag in HIERARCHY))]


def _expected_eid(element: etree._Element, tag: str) -> str:
    """Return the eId the naming convention gives an English element: its context's eId, its name, its number
    (under the attachment's when it stands in an annex)."""
    number = re.sub(r"^(Part|Article) |[().]", "", element.findtext("a:num", namespaces=NS))
    own = f"{EID_NAMES[tag]}_{number}"
    context = element.getparent().get("eId")
    if context is None or tag in ("part", "article"):
        attachment = next(element.iterancestors(f"{{{AKN_NS}}}attachment"), None)
        return own if attachment is None else f"{attachment.get('eId')}__{own}"
    return f"{context}__{own}"
