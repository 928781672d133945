"""Diffing a draft against a Word file: both sides as text in one language, the Word side keyed on our ids.

A Word file has no ids, so its recitals, parts, articles, paragraphs and points take the ids of ours they match,
list by list (alignment.py: the same texts in order, then the closest texts between them, the same number
counting a little); what matches nothing takes a generated id (`word.…`) and shows as added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agreements.document.compose import compose
from agreements.render.docx.agreement import AgreementPlan
from agreements.model import Agreement
from agreements.wordimport.alignment import Listed, align
from agreements.wordimport.reader import Imported
from clauses.languages import LANGUAGES, language

if TYPE_CHECKING:
    from agreements.diff.versions import Sides



def text_view(agreement: Agreement, lang: str) -> Agreement:
    """Return the agreement with every clause a text node of its rendered text in one language.

    Ids, structure, headings and registries stay; options and brackets are in the text as rendered; the
    negotiation state (status, options, positions) is left out, since a Word file cannot carry it.
    """
    paragraphs = AgreementPlan(compose(agreement, [lang]), lang).body()
    texts = {paragraph.key.removeprefix("node:"): paragraph.text for paragraph in paragraphs
             if paragraph.key.startswith("node:")}
    data = agreement.model_dump(mode="json", exclude_defaults=True)
    data["meta"] = _one_language(data["meta"], lang)
    for registry in ("parties", "bodies", "zones"):
        data[registry] = [_one_language(item, lang) for item in data.get(registry, [])]
    data["preamble"] = [_view_node({**item, "kind": "recital"}, texts, lang) for item in data.get("preamble", [])]
    data["body"] = [_view_node(node, texts, lang) for node in data.get("body", [])]
    if data.get("annexes"):
        data["annexes"] = [_view_node(node, texts, lang) for node in data["annexes"]]
    return Agreement.model_validate(data)


def _one_language(data: dict, lang: str) -> dict:
    """Return metadata or a registry entry with its texts in one language only (the first, where it lacks one)."""
    reduced = dict(data)
    for key, value in data.items():
        if isinstance(value, dict) and value and set(value) <= set(LANGUAGES):
            reduced[key] = {lang: value.get(lang) or next(iter(value.values()))}
    if "languages" in data:
        reduced["languages"] = [lang]
    return reduced


def _view_node(node: dict, texts: dict[str, str], lang: str) -> dict:
    """Return a recital, part, article, annex or clause of the text view, with its footnote in the language."""
    kind = node.get("kind")
    if kind == "recital":
        view = {"id": node["id"], "text": {lang: texts.get(node["id"]) or "—"}}
    elif kind in ("part", "article", "annex", "protocol"):
        view = {"id": node["id"], "kind": kind, "children": [_view_node(child, texts, lang)
                                                             for child in node.get("children", [])]}
        if (node.get("heading") or {}).get(lang):
            view["heading"] = {lang: node["heading"][lang]}
    else:
        view = {"id": node["id"], "kind": "text", "text": {lang: texts.get(node["id"]) or "—"},
                "children": [_view_node(child, texts, lang) for child in node.get("children", [])]}
    if (node.get("footnote") or {}).get(lang):
        view["footnote"] = {lang: node["footnote"][lang]}
    return view


def keyed_like(ours: Agreement, theirs: Imported, label: str) -> Agreement:
    """Return the imported agreement with our ids where its nodes match ours, our registries and metadata."""
    data = theirs.data
    mine = ours.model_dump(mode="json", exclude_defaults=True)
    lang = data["meta"]["languages"][0]
    matcher = Matcher(lang, theirs.numbers, _all_ids(mine))
    matcher.lists(mine.get("preamble", []), data.setdefault("preamble", []))
    matcher.tree(mine.get("body", []), data.setdefault("body", []))
    matcher.lists(mine.get("annexes", []), data.get("annexes", []), inside=True)
    data["meta"] = {**mine["meta"], "title": data["meta"]["title"], "version": label[:40] or "Word"}
    for registry in ("parties", "bodies", "zones"):
        data[registry] = mine.get(registry, [])
    return Agreement.model_validate(data)


class Matcher:
    """Gives the nodes of an imported tree the ids of the nodes of ours they match, fresh ids to the others."""

    def __init__(self, lang: str, numbers: dict[str, int], taken: set[str]):
        self.lang, self.numbers, self.taken = lang, numbers, taken
        self.by_pairs = language(lang).matching != "words"

    def tree(self, ours: list[dict], theirs: list[dict]) -> None:
        """Match the parts, then the articles wherever they stand (then what they hold)."""
        self.lists(_parts(ours), _parts(theirs), inside=False, numbered=True)
        self.lists(_articles(ours), _articles(theirs), inside=True, numbered=True)

    def lists(self, ours: list[dict], theirs: list[dict], inside: bool = True, numbered: bool = False) -> None:
        """Rename each node of theirs after the node of ours it matches; unmatched ones get ids ours do not use.

        inside: match what matched nodes hold too, and rename what unmatched ones hold; numbered: a node's number
        (its place among ours, the number it carried in the Word file) counts a little.
        """
        pairs = align([self._listed(node, index, numbered, ours=True) for index, node in enumerate(ours, 1)],
                      [self._listed(node, index, numbered) for index, node in enumerate(theirs, 1)], self.by_pairs)
        for index, node in enumerate(theirs):
            partner = ours[pairs[index]] if index in pairs else None
            if partner is not None:
                node["id"] = partner["id"]
                if inside:
                    self.lists(partner.get("children", []), node.get("children", []))
            else:
                node["id"] = _fresh(node["id"], self.taken)
                if inside:
                    _rename_below(node, self.taken)

    def _listed(self, node: dict, index: int, numbered: bool, ours: bool = False) -> Listed:
        """Return a node as the alignment sees it: kind, all its text and, when numbered, its number."""
        number = (index if ours else self.numbers.get(node["id"], index)) if numbered else None
        return Listed(node.get("kind", ""), _words(node, self.lang), number)


def _words(node: dict, lang: str) -> str:
    """Return all the text of a node and what it holds, in one language."""
    own = " ".join(filter(None, [(node.get(name) or {}).get(lang) for name in ("heading", "text", "footnote")]))
    return " ".join([own, *(_words(child, lang) for child in node.get("children", []))])


def _parts(body: list[dict]) -> list[dict]:
    """Return the parts of a body, in order."""
    return [node for node in body if node.get("kind") == "part"]


def _articles(body: list[dict]) -> list[dict]:
    """Return the articles of a body, inside parts or not, in order."""
    return [article for node in body
            for article in (node.get("children", []) if node.get("kind") == "part" else [node])]


def _all_ids(data: dict) -> set[str]:
    """Return every id written in plain draft data."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                found.add(value["id"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


def _fresh(node_id: str, taken: set[str]) -> str:
    """Return an id like node_id that no node uses yet, and mark it used."""
    candidate, count = f"word.{node_id}", 1
    while candidate in taken:
        count += 1
        candidate = f"word.{node_id}-{count}"
    taken.add(candidate)
    return candidate


def _rename_below(node: dict, taken: set[str]) -> None:
    """Give the paragraphs and points of an unmatched node ids below its new one."""
    for index, child in enumerate(node.get("children", []), 1):
        child["id"] = _fresh(f"{node['id'].removeprefix('word.')}.{index}", taken)
        _rename_below(child, taken)


def word_diff_sides(old_spec: str, new_spec: str, lang: str | None) -> Sides:
    """Return both versions as text in one language, a Word side keyed on the other side's ids."""
    from agreements.diff.versions import Sides, load_version
    from agreements.wordimport.importer import import_word, is_word_file

    specs = {"old": old_spec, "new": new_spec}
    imported = {side: import_word(spec, lang) for side, spec in specs.items() if is_word_file(spec)}
    lang = lang or next(iter(imported.values()))[0].meta.languages[0]
    drafts = {side: text_view(load_version(spec), lang) for side, spec in specs.items() if side not in imported}
    notes = [f"{specs[side]}: {line}" for side, (_, report) in imported.items()
             for line in [*report.unplaced, *(f"note: {note}" for note in report.notes if note not in report.assumed)]]
    if "old" in drafts:
        drafts["new"] = keyed_like(drafts["old"], imported["new"][1], _stem(new_spec))
    elif "new" in drafts:
        drafts["old"] = keyed_like(drafts["new"], imported["old"][1], _stem(old_spec))
    else:
        drafts["old"] = imported["old"][0]
        drafts["new"] = keyed_like(drafts["old"], imported["new"][1], _stem(new_spec))
    return Sides(drafts["old"], drafts["new"], lang, notes)


def _stem(spec: str) -> str:
    """Return a file's name without folder and suffix."""
    return spec.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
