"""The draft read as a document in the workbench: agreements/render/html.py's document (one language, or every
language side by side), each node with its Edit link beside its findings.

The document is the internal edition (compose with internal=True: the drafters' notes shown). The renderer
places each node's findings where the node is; the workbench adds, at that same place, the link to the node's
form. Every word of a draft is escaped (markupsafe): draft text is untrusted.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from agreements.document.blocks import Block
from agreements.document.compose import compose
from agreements.render.html import DocumentHtml, Findings, ParallelHtml
from agreements.render.html_words import LanguageHtml, element
from agreements.rules.context import Finding
from clauses.languages import DEFAULT_LANGUAGE, language
from workbench.reading import Snapshot

HEADED = ("part", "article", "annex")


class _Editable:
    """Mixed into the renderer: before each node's findings, the link to the node's form (once per node); every
    heading one level down, the page's own level-one heading being the draft's name."""

    def __init__(self, document, languages, findings: Findings, link):
        super().__init__(document, languages, findings)
        self.link = link  # node id → the Edit link's markup, or '' for a node without a form
        self.linked: set[str] = set()

    def html_title(self, block: Block, level: int) -> Markup:
        """Return the title as a heading of the second level."""
        return self.node(block, lambda text: element("h2", text.inlines(block.text(text.lang)), class_="title",
                                                     lang=text.tag))

    def title_of(self, block: Block, text: LanguageHtml, level: int) -> Markup:
        """Return a block's title as a heading one level below the document's own."""
        return super().title_of(block, text, level + 1)

    def heading(self, block: Block, level: int) -> Markup:
        """Return a part's, article's or annex's heading one level below the document's own."""
        return super().heading(block, level + 1)

    def findings_at(self, block: Block) -> Markup:
        """Return the node's Edit link (the first time the node is met) and its findings."""
        found = super().findings_at(block)
        node_id = block.node_id
        if not node_id or block.type == "signature" or node_id in self.linked:
            return found
        self.linked.add(node_id)
        link = self.link(node_id)
        return (element("p", link, class_="node-edit", lang=language(DEFAULT_LANGUAGE).tag) if link else Markup("")) + found


class EditableDocument(_Editable, DocumentHtml):
    """A document in one language with Edit links."""


class EditableParallel(_Editable, ParallelHtml):
    """A document side by side with Edit links."""


def findings_by_node(findings: list[Finding]) -> Findings:
    """Return the findings as the renderer takes them: by node, each (severity, 'message [rule] (location)')."""
    placed: Findings = {}
    for finding in findings:
        placed.setdefault(finding.node_id, []).append(
            (finding.severity, f"{finding.message} [{finding.rule}] ({finding.location})"))
    return placed


def document_body(snap: Snapshot, draft: str, languages: list[str]) -> tuple[Markup, frozenset[str]]:
    """Return the draft's text in the languages (one: read as a document; several: side by side), each node with
    its Edit link and findings; and the ids of the nodes it shows."""
    document = compose(snap.agreement, languages, internal=True)

    def link(node_id: str) -> Markup:
        if snap.node(node_id) is None:
            return Markup("")
        return element("a", Markup("Edit") + element("span", f" {node_id}", class_="visually-hidden"),
                       href=f"/node/{draft}?id={node_id}", class_="edit", id=f"edit-{node_id}")

    renderer = (EditableParallel if len(languages) > 1 else EditableDocument)(
        document, languages, findings_by_node(snap.findings), link)
    body = renderer.render()
    shown = frozenset(block.node_id for block in document.walk() if block.node_id)
    return body, shown


def node_texts(snap: Snapshot, node_id: str) -> list[tuple[str, str, Markup]]:
    """Return a node's own text in each of the draft's languages (language name, tag, HTML): its heading, or its
    numbered words with brackets and proposers, the notes on its state and the drafters' note."""
    languages = list(snap.agreement.meta.languages)
    document = snap.made_once(("composed", tuple(languages)),
                              lambda: compose(snap.agreement, languages, internal=True))
    block = next((block for block in document.walk() if block.node_id == node_id), None)
    if block is None:
        return []
    texts = []
    for lang in languages:
        text = LanguageHtml(lang)
        words = block.text(lang)
        if block.type in HEADED:
            shown = element("p", text.heading(words), class_="heading")
        else:
            shown = element("p", text.clause(words), class_=f"{block.type}-text") + text.notes(words)
        texts.append((language(lang).name, language(lang).tag, shown + text.drafter_note(block)))
    return texts


def finding_list(findings: list[Finding], list_id: str) -> Markup:
    """Return findings as a list, each with its severity, location, message and rule."""
    items = Markup("").join(
        element("li", element("strong", finding.severity, class_="severity") + Markup(" ") +
                element("code", str(finding.location)) + Markup(": ") + escape(finding.message) +
                Markup(" ") + element("span", f"[{finding.rule}]", class_="rule"),
                class_=f"finding {finding.severity}")
        for finding in findings)
    return element("ul", items, class_="findings", id=list_id)
