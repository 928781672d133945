"""The document page: the draft read in each language and side by side, the summary, Edit links, findings at nodes."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest

from agreements.document.compose import compose
from agreements.drafts import decode, parse_agreement
from clauses.languages import LANGUAGES, language
from tests.workbench.conftest import example

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Reading(HTMLParser):
    """Collects a page's text by the language it is tagged with and by the node (data-node) it stands in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str | None]] = []
        self.by_lang: dict[str, list[str]] = {}
        self.by_node: dict[str, list[str]] = {}
        self.links: dict[str, str] = {}  # id of an <a> → its href
        self.cells: dict[str, list[str]] = {}  # node id → the lang of each cell of its row (side by side)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("id"):
            self.links[attributes["id"]] = attributes.get("href") or ""
        classes = (attributes.get("class") or "").split()
        if "cell" in classes and self.stack and self.stack[-1].get("data-node"):
            self.cells.setdefault(self.stack[-1]["data-node"], []).append(attributes.get("lang"))
        if tag not in VOID:
            self.stack.append({"tag": tag, **attributes})

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def nearest(self, attribute: str) -> str | None:
        return next((item[attribute] for item in reversed(self.stack) if item.get(attribute)), None)

    def handle_data(self, data):
        lang, node = self.nearest("lang"), self.nearest("data-node")
        self.by_lang.setdefault(lang or "", []).append(data)
        if node:
            self.by_node.setdefault(node, []).append(data)


def read(page: str) -> Reading:
    """Return what a page says, by language and by node."""
    reading = Reading()
    reading.feed(page)
    return reading


def squeezed(parts: list[str]) -> str:
    """Return texts joined with their white space made single spaces."""
    return " ".join("".join(parts).split())


def agreement():
    return parse_agreement(decode(example("round-2"), "draft.yaml"), "draft.yaml")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_shows_the_articles_in_that_language_with_its_tag(served_once, lang):
    _, client = served_once
    page = client.get(f"/draft/draft.yaml?lang={lang}")
    assert page.status_code == 200
    document = compose(agreement(), [lang], internal=True)
    tag = language(lang).tag
    shown = squeezed(read(page.text).by_lang[tag])
    articles = [block for block in document.walk() if block.type == "article"]
    assert len(articles) > 10
    for article in articles:
        assert " ".join(article.text(lang).title.split()) in shown
    paragraph = next(block for block in document.walk() if block.node_id == "force.artillery")
    assert " ".join("".join(paragraph.text(lang).inlines).split()) in shown
    assert f'id="lang-{lang}" aria-current="true"' in page.text
    assert page.text.count('aria-current="true"') == 1


def test_the_default_is_english_and_each_language_has_a_switch(served_once):
    _, client = served_once
    page = client.get("/draft/draft.yaml")
    assert page.status_code == 200
    assert 'id="lang-en" aria-current="true"' in page.text
    links = read(page.text).links
    for lang in LANGUAGES:
        assert links[f"lang-{lang}"] == f"/draft/draft.yaml?lang={lang}"
    assert links["lang-parallel"] == "/draft/draft.yaml?lang=parallel"
    assert "Side by side" in page.text


def test_side_by_side_has_a_column_per_language(served_once):
    _, client = served_once
    page = client.get("/draft/draft.yaml?lang=parallel")
    assert page.status_code == 200
    assert 'id="lang-parallel" aria-current="true"' in page.text
    reading = read(page.text)
    tags = [language(lang).tag for lang in LANGUAGES]
    assert reading.cells["force.artillery"] == tags
    assert reading.cells["preamble.denuclearization"] == tags
    rows = [cells for cells in reading.cells.values()]
    assert len(rows) > 50 and all(cells == tags for cells in rows)
    for lang in LANGUAGES:
        assert agreement().meta.title[lang] in squeezed(reading.by_lang[language(lang).tag])


def test_the_summary_names_title_round_version_date_and_counts(served_once):
    _, client = served_once
    page = client.get("/draft/draft.yaml")
    meta = agreement().meta
    assert html.escape(meta.title["en"]) in page.text
    assert f'id="summary-round">{meta.round}<' in page.text
    assert f'id="summary-version">{meta.version}<' in page.text
    assert meta.date.isoformat() in page.text
    assert "0 errors, 0 warnings" in page.text


def test_every_node_has_an_edit_link_to_its_form(served_once):
    _, client = served_once
    page = client.get("/draft/draft.yaml")
    links = read(page.text).links
    for node_id in ("art.force-reduction", "force.artillery", "preamble.denuclearization", "part.general"):
        assert links[f"edit-{node_id}"] == f"/node/draft.yaml?id={node_id}"
        assert client.get(links[f"edit-{node_id}"]).status_code == 200


def test_drafters_notes_positions_and_proposers_are_shown(served_once):
    _, client = served_once
    shown = read(client.get("/draft/draft.yaml").text).by_node
    artillery = squeezed(shown["force.artillery"])
    assert "Secured the deeper pull-back" in artillery  # a party's note on its position
    guard_posts = squeezed(shown["force.guard-posts"])
    assert "Period doubled at the request of the DPRK" in guard_posts  # the drafters' note
    assert "Republic of Korea, United States" in squeezed(shown["preamble.denuclearization"])  # proposers


def test_a_finding_is_shown_at_its_node_and_counted(served):
    bench, client = served
    text = example("round-2").decode().replace("pullback_km: 15  # R1: 10 km",
                                                 "pullback_km: 15  # R1: 10 km\n            from_zone: nowhere", 1)
    (bench.root / "bad.yaml").write_text(text, encoding="utf-8")
    for lang in ("en", "parallel"):
        page = client.get(f"/draft/bad.yaml?lang={lang}")
        assert page.status_code == 200
        assert "1 error, 0 warnings" in page.text
        at_node = squeezed(read(page.text).by_node["force.artillery"])
        assert "unknown zone 'nowhere' [references-resolve] (bad.yaml:" in at_node
        assert "unknown zone" not in squeezed(read(page.text).by_node["force.guard-posts"])


def test_a_language_the_draft_lacks_and_a_missing_draft_are_one_line_errors(served_once):
    _, client = served_once
    page = client.get("/draft/draft.yaml?lang=fr")
    assert page.status_code == 400
    assert "the draft has no text in fr" in page.text and "[PD-E088]" in page.text
    missing = client.get("/draft/nothing.yaml")
    assert missing.status_code == 404
    assert "nothing.yaml" in missing.text and "Traceback" not in missing.text


def test_a_draft_outside_the_folder_is_refused(served_once):
    _, client = served_once
    assert client.get("/draft/..%2Fetc%2Fpasswd").status_code in (403, 404)


def test_every_page_breaks_korean_lines_between_words(served_once):
    bench, client = served_once
    page = client.get("/compose/draft.yaml").text
    assert '<link rel="stylesheet" href="/languages.css">' in page
    styles = client.get("/languages.css")
    assert styles.headers["content-type"].startswith("text/css")
    assert ":lang(ko-KR) { word-break: keep-all; overflow-wrap: anywhere; }" in styles.text
    assert "font-family" not in styles.text
