"""Diffing a draft against a Word file: both sides as text in one language, the Word side keyed on our ids.

A Word file has no ids, so its parts, articles, paragraphs and points take the ids of ours they match: the
closest texts are paired first (word sets for English, character pairs for Korean and Chinese), the same number
counting a little; what matches nothing takes a generated id (`word.…`) and shows as added.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from agreements.document.compose import compose
from agreements.render.docx.agreement import AgreementPlan
from agreements.model import Agreement
from agreements.wordimport.reader import Imported
from clauses.languages import LANGUAGES, language

if TYPE_CHECKING:
    from agreements.diff.versions import Sides

ANYWHERE = 0.35  # two nodes match with at least this much text in common (Jaccard) …
SAME_NUMBER_BONUS = 0.1  # … counting this much more when they carry the same number
MAX_PAIRS = 250_000  # longer lists are matched by number only
WORD = re.compile(r"\w+")


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
    data["preamble"] = [{"id": item["id"], "text": {lang: texts[item["id"]]}} for item in data.get("preamble", [])]
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
    """Return a part, article, annex or clause of the text view."""
    if node["kind"] in ("part", "article", "annex", "protocol"):
        view = {"id": node["id"], "kind": node["kind"], "children": [_view_node(child, texts, lang)
                                                                     for child in node.get("children", [])]}
        if node.get("heading", {}).get(lang):
            view["heading"] = {lang: node["heading"][lang]}
        return view
    children = [_view_node(child, texts, lang) for child in node.get("children", [])]
    return {"id": node["id"], "kind": "text", "text": {lang: texts[node["id"]] or "—"}, "children": children}


def keyed_like(ours: Agreement, theirs: Imported, label: str) -> Agreement:
    """Return the imported agreement with our ids where its nodes match ours, our registries and metadata."""
    data = theirs.data
    mine = ours.model_dump(mode="json", exclude_defaults=True)
    lang = data["meta"]["languages"][0]
    taken = _all_ids(mine)
    _match_lists(mine.get("preamble", []), data["preamble"], lang, {}, taken)
    _match_tree(mine["body"], data["body"], lang, theirs.numbers, taken)
    _match_lists(mine.get("annexes", []), data.get("annexes", []), lang, {}, taken, inside=_match_children)
    data["meta"] = {**mine["meta"], "title": data["meta"]["title"], "version": label[:40] or "Word"}
    for registry in ("parties", "bodies", "zones"):
        data[registry] = mine.get(registry, [])
    return Agreement.model_validate(data)


def _match_tree(ours: list[dict], theirs: list[dict], lang: str, numbers: dict[str, int], taken: set[str]) -> None:
    """Give parts and articles (then what they hold) the ids of the ones they match."""
    our_parts = [node for node in ours if node["kind"] == "part"]
    their_parts = [node for node in theirs if node["kind"] == "part"]
    _match_lists(our_parts, their_parts, lang, numbers, taken, numbered=_numbered(ours, "part"), below=False)
    our_articles = _articles(ours)
    _match_lists(our_articles, _articles(theirs), lang, numbers, taken, numbered=_numbered(ours, "article"),
                 inside=_match_children)


def _match_children(ours: dict, theirs: dict, lang: str, taken: set[str]) -> None:
    """Give the paragraphs and points of a matched node the ids of ours they match."""
    _match_lists(ours.get("children", []), theirs.get("children", []), lang, {}, taken, inside=_match_children)


def _match_lists(ours: list[dict], theirs: list[dict], lang: str, numbers: dict[str, int], taken: set[str],
                 numbered: dict[str, int] | None = None, inside: Callable | None = None, below: bool = True) -> None:
    """Rename each node of theirs after the node of ours it matches; unmatched ones get ids ours do not use."""
    our_numbers = numbered or {node["id"]: index for index, node in enumerate(ours, 1)}
    their_numbers = {node["id"]: numbers.get(node["id"], index) for index, node in enumerate(theirs, 1)}
    pairs = _pairs(ours, theirs, lang, our_numbers, their_numbers)
    old_ids = {id(node): node["id"] for node in theirs}
    for node in theirs:
        partner = pairs.get(id(node))
        if partner is not None:
            node["id"] = partner["id"]
            if inside:
                inside(partner, node, lang, taken)
        else:
            node["id"] = _fresh(old_ids[id(node)], taken)
            if below:
                _rename_below(node, taken)


def _pairs(ours: list[dict], theirs: list[dict], lang: str, our_numbers: dict[str, int],
           their_numbers: dict[str, int]) -> dict[int, dict]:
    """Return, by object id of their node, the node of ours it matches: the closest pairs first."""
    our_tokens = [_tokens(_words(node, lang), lang) for node in ours]
    their_tokens = [_tokens(_words(node, lang), lang) for node in theirs]
    if len(ours) * len(theirs) > MAX_PAIRS:
        return _pairs_by_number(ours, theirs, our_tokens, their_tokens, our_numbers, their_numbers)
    scored = []
    for i, node in enumerate(theirs):
        for j, mine in enumerate(ours):
            score = _similarity(their_tokens[i], our_tokens[j])
            if our_numbers[mine["id"]] == their_numbers[node["id"]]:
                score += SAME_NUMBER_BONUS
            if score >= ANYWHERE:
                scored.append((-score, i, j))
    pairs: dict[int, dict] = {}
    used: set[int] = set()
    for _, i, j in sorted(scored):
        if id(theirs[i]) not in pairs and j not in used:
            pairs[id(theirs[i])] = ours[j]
            used.add(j)
    return pairs


def _pairs_by_number(ours: list[dict], theirs: list[dict], our_tokens: list[set], their_tokens: list[set],
                     our_numbers: dict[str, int], their_numbers: dict[str, int]) -> dict[int, dict]:
    """Return matches of nodes with the same number and close text (for lists too long to compare pairwise)."""
    by_number = {our_numbers[node["id"]]: index for index, node in enumerate(ours)}
    pairs = {}
    for i, node in enumerate(theirs):
        j = by_number.get(their_numbers[node["id"]])
        if j is not None and _similarity(their_tokens[i], our_tokens[j]) >= ANYWHERE:
            pairs[id(node)] = ours[j]
    return pairs


def _words(node: dict, lang: str) -> str:
    """Return all the text of a node and what it holds, in one language."""
    own = " ".join(filter(None, [node.get("heading", {}).get(lang), node.get("text", {}).get(lang)]))
    return " ".join([own, *(_words(child, lang) for child in node.get("children", []))])


def _tokens(text: str, lang: str) -> set[str]:
    """Return the words of a text, or its character pairs in a language matched by them (Korean, Chinese)."""
    if language(lang).matching == "words":
        return set(WORD.findall(text.lower()))
    squeezed = "".join(text.split())
    return {squeezed[index:index + 2] for index in range(len(squeezed) - 1)}


def _similarity(first: set[str], second: set[str]) -> float:
    """Return how much two token sets share (Jaccard)."""
    if not first and not second:
        return 1.0
    return len(first & second) / len(first | second)


def _articles(body: list[dict]) -> list[dict]:
    """Return the articles of a body, inside parts or not, in order."""
    return [article for node in body for article in (node["children"] if node["kind"] == "part" else [node])]


def _numbered(body: list[dict], kind: str) -> dict[str, int]:
    """Return the number each part or article carries when rendered (its place in order)."""
    nodes = [node for node in body if node["kind"] == "part"] if kind == "part" else _articles(body)
    return {node["id"]: index for index, node in enumerate(nodes, 1)}


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
             for line in [*report.unplaced, *(f"note: {note}" for note in report.notes)]]
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
