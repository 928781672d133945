"""The diff as HTML: the versions and counts, then per article each change with its kind, place and id, the words
changed inline or side by side (a switch that needs no script), and before | after tables.

The fragment (diff_html) is what the workbench shows; diff_page wraps it in a standalone page with its styles.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from agreements.diff.compare import Change, Comparison
from agreements.diff.html_details import ChangeDetails
from agreements.diff.html_marks import element, void
from agreements.diff.report import grouped
from agreements.document.nonpaper import non_paper_mark
from agreements.render.html_page import standalone_page
from clauses.languages import DEFAULT_LANGUAGE, language

KIND_NAMES = {"added": "Added", "removed": "Removed", "moved": "Moved", "renumbered": "Renumbered",
              "status": "Status", "alternatives": "Options", "positions": "Positions", "notes": "Drafters' note",
              "parameters": "Parameters", "text": "Text", "meta": "Agreement data", "registry": "Registry"}
UNSAFE_IN_ID = re.compile(r"[^A-Za-z0-9._-]+")
VIEWS = (("pd-view-inline", "inline"), ("pd-view-sides", "side by side"))
KEY = ("Inserted words are underlined, deleted words struck through. Text changes can be read inline or with the "
       "old and new text side by side.")


def change_id(change: Change) -> str:
    """Return the id a change's element bears: its kind, node and field ('change-text-seq.reversibility-text')."""
    parts = [change.kind, change.node, change.details.get("field") or change.details.get("registry")]
    return "change-" + "-".join(UNSAFE_IN_ID.sub("-", part) for part in parts if isinstance(part, str))


def article_id(article: str) -> str:
    """Return the id of an article's section ('article-art.force-reduction'; 'article-agreement' for the whole)."""
    return "article-" + UNSAFE_IN_ID.sub("-", article or "agreement")


def diff_html(comparison: Comparison, old_name: str, new_name: str, lang: str, non_paper: bool = False,
              titled: bool = True) -> Markup:
    """Return the diff as an HTML fragment: header (its level-one heading unless titled is false, for a page that
    has its own), switch of views, contents, and the changes per article."""
    details = ChangeDetails(comparison, lang)
    groups = grouped(comparison)
    sections = [_article(heading, changes, details) for heading, changes in groups]
    body = [_header(comparison, old_name, new_name, lang, non_paper, titled)]
    if comparison.changes:
        body += [*_switch(), _contents(groups), element("div", *sections, class_="pd-changes")]
    return element("div", *body, class_="pd-diff")


def diff_page(comparison: Comparison, old_name: str, new_name: str, lang: str, non_paper: bool = False) -> str:
    """Return the diff as a whole HTML page: one file, its styles inline, no script."""
    old, new = comparison.old.meta, comparison.new.meta
    title = f"Changes from {old.version} to {new.version} — {new.title.get(DEFAULT_LANGUAGE, '')}"
    if _internal(comparison, non_paper):
        title += f" · {language(DEFAULT_LANGUAGE).phrase('internal_mark')}"
    body = diff_html(comparison, old_name, new_name, lang, non_paper)
    return standalone_page(title, language(DEFAULT_LANGUAGE).tag, body, ("base", "diff"))


def _header(comparison: Comparison, old_name: str, new_name: str, lang: str, non_paper: bool,
            titled: bool = True) -> Markup:
    """Return the header: the non-paper mark, the title, both versions, the language compared and the counts."""
    words = language(DEFAULT_LANGUAGE)
    old, new = comparison.old, comparison.new
    mark = element("p", non_paper_mark(words), class_="pd-non-paper") if non_paper else None
    if _internal(comparison, non_paper):  # as render --internal marks its edition
        mark = element("p", words.phrase("internal_mark"), class_="pd-internal draft-mark", role="note")
    title = element("h1", f"Changes from {old.meta.version} to {new.meta.version}") if titled else None
    agreement = element("p", new.meta.title.get(DEFAULT_LANGUAGE, ""), class_="pd-agreement")
    head = element("tr", element("td", ""), *(element("th", name, scope="col") for name in ("File", "Round", "Version",
                                                                                            "Date")))
    rows = [element("tr", element("th", side, scope="row"), element("td", element("code", name)),
                    element("td", str(version.meta.round)), element("td", version.meta.version),
                    element("td", words.date(version.meta.date)))
            for side, name, version in (("Old", old_name, old), ("New", new_name, new))]
    versions = element("table", element("thead", head), element("tbody", *rows), class_="pd-versions")
    words_shown = language(lang)
    compared = element("p", "Language of the text shown: ", element("span", words_shown.name, lang=words_shown.tag),
                       ".", class_="pd-compared")
    parts = [mark, title, agreement, versions, compared, element("p", comparison.counts_line(), class_="pd-counts")]
    if not comparison.related:
        parts.append(element("p", "Warning: the two drafts share no ids — they are not versions of one agreement; "
                                  "everything is shown as removed and added.", class_="pd-warning", role="note"))
    if comparison.changes:
        parts.append(element("p", KEY, class_="pd-key"))
    return element("header", *parts, class_="pd-head")


def _internal(comparison: Comparison, non_paper: bool) -> bool:
    """Return whether the page is internal: it reports the drafters' notes (a non-paper never does)."""
    return comparison.notes and not non_paper



def _switch() -> list[Markup]:
    """Return the two radio buttons that choose the view of text changes, and their labels (CSS does the rest)."""
    inputs = [void("input", type="radio", name="pd-view", id=key, class_="pd-view", checked=index == 0)
              for index, (key, _) in enumerate(VIEWS)]
    labels = [element("label", name, for_=key) for key, name in VIEWS]
    return [*inputs, element("p", "Show text changes: ", *labels, class_="pd-switch")]


def _contents(groups: list[tuple[str, list[Change]]]) -> Markup:
    """Return the list of articles changed, each a link to its changes, with how many there are."""
    items = [element("li", element("a", heading, href=f"#{article_id(changes[0].article)}"),
                     f" ({len(changes)})") for heading, changes in groups]
    return element("nav", element("ol", *items), class_="pd-contents", aria_label="Articles changed")


def _article(heading: str, changes: list[Change], details: ChangeDetails) -> Markup:
    """Return an article's section: its heading as the text report gives it, then its changes."""
    key = article_id(changes[0].article)
    return element("section", element("h2", heading), *(_change(change, details) for change in changes),
                   id=key, class_="pd-article")


def _change(change: Change, details: ChangeDetails) -> Markup:
    """Return one change: its kind, place and node id, the report's line, and what it changed."""
    key = change_id(change)
    node = element("code", change.node, class_="pd-node") if change.node != "meta" else None
    head = element("h3", element("span", KIND_NAMES[change.kind], class_=f"pd-kind pd-kind-{change.kind}"), " ",
                   element("span", details.location(change), class_="pd-location"), " ", node, " ",
                   element("a", "#", href=f"#{key}", class_="pd-link", aria_label="Link to this change"))
    summary = element("p", change.summary, class_="pd-summary")
    return element("section", head, summary, details.details(change), id=key,
                   class_=f"pd-change pd-change-{change.kind}")

