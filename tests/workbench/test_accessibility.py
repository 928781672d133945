"""The structure assistive technology relies on, on every page of the workbench: the page's language, one main
region and one level-one heading, named navigation, labelled controls, unique ids, table headers, headings in
order, and the draft's texts each marked with the tag of its language."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from lxml import html

from agreements.drafts import load_agreement
from clauses.languages import DEFAULT_LANGUAGE, language
from tests.workbench.test_edit import changed, form_of

PAGES = {
    "drafts": "/",
    **{f"document {code}": f"/draft/draft.yaml?lang={code}" for code in ("en", "ko", "zh", "parallel")},
    "node": "/node/draft.yaml?id=force.artillery",
    "compose": "/compose/draft.yaml",
    "compose topic": "/compose/draft.yaml?topic=force_reduction_and_redeployment",
    "versions": "/versions/draft.yaml",
    "timeline": "/timeline/draft.yaml",
    "downloads": "/downloads/draft.yaml",
    "search": "/precedents?q=demilitarized+zone",
    "search in Korean": "/precedents?" + urlencode({"q": "비무장지대"}),
    "precedent": "/precedents/geneva-1954",
    "provision": "/precedents/geneva-1954.art-1",
    "comparison": "/precedents/compare/draft.yaml",
    "coverage": "/precedents/coverage?draft=draft.yaml",
    "error": "/draft/missing.yaml",
}
NAMES = [*PAGES, "node, a value refused"]
CONTROLS = "//input[not(@type='hidden')] | //select | //textarea"
SCRIPTS = {"ko": re.compile("[\uac00-\ud7a3]"), "zh": re.compile("[\u4e00-\u9fff]")}  # Hangul; Han ideographs


@pytest.fixture(scope="module")
def pages(served_once):
    """Return every page (name → parsed HTML), the node form also as it comes back with a value refused."""
    _, client = served_once
    trees = {name: html.fromstring(client.get(address).content) for name, address in PAGES.items()}
    form = form_of(client.get(PAGES["node"]).text, "node-form")
    refused = client.post(form.action, content=urlencode(changed(form.fields, pullback_km="-3")),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert refused.status_code == 400
    trees["node, a value refused"] = html.fromstring(refused.content)
    return trees


def lang_of(element) -> str:
    """Return the language an element's text is read in: its own lang, else the nearest ancestor's."""
    return next((found.get("lang") for found in element.iterancestors() if found.get("lang")), None) \
        if not element.get("lang") else element.get("lang")


@pytest.mark.parametrize("name", NAMES)
def test_the_page_has_a_language_one_main_region_named_navigation_and_one_heading(pages, name):
    tree = pages[name]
    assert (tree.get("lang") or "").split("-")[0] == DEFAULT_LANGUAGE
    assert len(tree.xpath("//main")) == 1
    navigation = tree.xpath("//nav")
    assert navigation and all(nav.get("aria-label") or nav.get("aria-labelledby") for nav in navigation)
    assert len(tree.xpath("//h1")) == 1, [h.text_content() for h in tree.xpath("//h1")]


@pytest.mark.parametrize("name", NAMES)
def test_every_control_has_a_name(pages, name):
    tree = pages[name]
    ids = set(tree.xpath("//@id"))
    labelled = set(tree.xpath("//label/@for"))
    for control in tree.xpath(CONTROLS):
        named = control.get("aria-labelledby")
        if named:
            assert set(named.split()) <= ids, html.tostring(control)
        else:
            assert control.get("id") in labelled or control.get("aria-label"), html.tostring(control)
    for label in tree.xpath("//label[@for]"):
        assert label.get("for") in ids, html.tostring(label)


@pytest.mark.parametrize("name", NAMES)
def test_ids_are_unique_and_references_resolve(pages, name):
    tree = pages[name]
    ids = tree.xpath("//@id")
    assert sorted({found for found in ids if ids.count(found) > 1}) == []
    for attribute in ("aria-describedby", "aria-controls"):
        for element in tree.xpath(f"//*[@{attribute}]"):
            assert set(element.get(attribute).split()) <= set(ids), html.tostring(element)


@pytest.mark.parametrize("name", NAMES)
def test_every_table_has_headers(pages, name):
    for table in pages[name].xpath("//table"):
        headers = table.xpath(".//th")
        assert headers, html.tostring(table)[:300]
        assert all(header.text_content().strip() for header in headers), html.tostring(table)[:300]


@pytest.mark.parametrize("name", NAMES)
def test_headings_do_not_skip_levels(pages, name):
    level = 0
    for heading in pages[name].xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6"):
        shown = int(heading.tag[1])
        assert shown <= level + 1, f"h{shown} after h{level}: {heading.text_content().strip()[:60]}"
        level = shown


@pytest.mark.parametrize("name", NAMES)
def test_korean_and_chinese_words_carry_their_language(pages, name):
    for element in pages[name].iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "title"):
            continue
        for text in (element.text, *(child.tail for child in element)):
            for code, script in SCRIPTS.items():
                if text and script.search(text) and not (code == "zh" and SCRIPTS["ko"].search(text)):
                    tag = lang_of(element) or ""
                    assert tag.split("-")[0] == code, f"{text.strip()[:40]!r} read as {tag!r}"


@pytest.mark.parametrize("code", ["en", "ko", "zh", "parallel"])
def test_the_drafts_texts_carry_the_tag_of_their_language(pages, served_once, code):
    bench, _ = served_once
    meta = load_agreement(bench.root / "draft.yaml").meta
    tree = pages[f"document {code}"]
    shown = list(meta.languages) if code == "parallel" else [code]
    for lang in shown:
        titles = [element for element in tree.xpath("//article//*[contains(@class, 'title')]")
                  if element.text_content().strip() == meta.title[lang].strip()]
        assert titles and all(lang_of(title) == language(lang).tag for title in titles)
    texts = tree.xpath("//article//span[@class='text'] | //article//h1 | //article//h2 | //article//h3 "
                       "| //article//h4 | //article//h5")
    assert texts
    for element in texts:
        assert lang_of(element) in {language(lang).tag for lang in shown}, html.tostring(element)[:200]
    if code != "parallel":
        assert {lang_of(element) for element in texts} == {language(code).tag}
