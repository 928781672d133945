"""Edit scripts by node id for merge tests: each edit changes a draft's plain data and names the nodes it touches.

The base is the small test draft with a preamble and a part of free-text articles added, so words, parameters,
statuses, positions, additions, deletions and moves all have room. Two sides' edits write different values, so
a node both sides touch always clashes.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable

from ruamel.yaml import YAML

from tests.conftest import BASE_DRAFT

LANGS = ("en", "ko", "zh")
STATUS = {"ours": "agreed_ad_referendum", "theirs": "pending"}
STANCE = {"ours": "support", "theirs": "reserve"}
WORDS = {"ours": {"en": " promptly", "ko": " 신속히", "zh": "迅速"}, "theirs": {"en": " jointly", "ko": " 공동으로", "zh": "共同"}}


def _text(en: str) -> dict:
    """Return a free text in the three languages."""
    return {"en": en, "ko": f"{en} (한국어)", "zh": f"{en}（中文）"}


def base_data() -> dict:
    """Return the base draft's plain data."""
    data = YAML(typ="safe").load(BASE_DRAFT.read_text(encoding="utf-8"))
    data["meta"]["date"] = str(data["meta"]["date"])
    data["preamble"] = [{"id": f"rec-{n}", "text": _text(f"Recital {n}.")} for n in (1, 2)]
    articles = [{"id": f"art-{name}", "kind": "article", "heading": _text(f"Article {name}"),
                 "children": [{"id": f"art-{name}.p{n}", "kind": "text", "status": "agreed",
                               "text": _text(f"Paragraph {n} of article {name}.")} for n in (1, 2)]}
                for name in "abc"]
    data["body"].append({"id": "relations", "kind": "part", "heading": _text("Relations"), "children": articles})
    return data


def dumped(data: dict) -> str:
    """Return plain data as YAML text."""
    stream = io.StringIO()
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.dump(data, stream)
    return stream.getvalue()


def _containers(data: dict) -> list[list]:
    """Return every list of nodes in the draft (the preamble, the body, and each node's children)."""
    found, stack = [data["preamble"], data["body"]], list(data["body"])
    while stack:
        node = stack.pop(0)
        if "children" in node:
            found.append(node["children"])
            stack.extend(node["children"])
    return found


def find(data: dict, node_id: str) -> tuple[list, int]:
    """Return the list holding a node and its index there."""
    for holder in _containers(data):
        for index, node in enumerate(holder):
            if node["id"] == node_id:
                return holder, index
    raise KeyError(node_id)


def _node(data: dict, node_id: str) -> dict:
    """Return a node's mapping."""
    holder, index = find(data, node_id)
    return holder[index]


def _neighbours(data: dict, node_id: str) -> set[str]:
    """Return the node with the ids just before and after it in its list, and all below it."""
    holder, index = find(data, node_id)
    near = {holder[i]["id"] for i in (index - 1, index + 1) if 0 <= i < len(holder)}
    below, stack = set(), list(holder[index].get("children", []))
    while stack:
        node = stack.pop()
        below.add(node["id"])
        stack.extend(node.get("children", []))
    return {node_id} | near | below


def word(data: dict, node_id: str, side: str) -> set[str]:
    """Add a side's word to a free text or recital in every language."""
    node = _node(data, node_id)
    node["text"] = {lang: node["text"][lang].rstrip(".。") + WORDS[side][lang] + "." for lang in LANGS}
    return {node_id}


def parameter(data: dict, node_id: str, side: str) -> set[str]:
    """Set the pull-back distance to a side's own value."""
    _node(data, node_id)["pullback_km"] = 15 if side == "ours" else 25
    return {node_id}


def status(data: dict, node_id: str, side: str) -> set[str]:
    """Set a node's status to a side's own value."""
    _node(data, node_id)["status"] = STATUS[side]
    return {node_id}


def position(data: dict, node_id: str, side: str) -> set[str]:
    """Record the ROK's stance on a node, a side's own one."""
    _node(data, node_id).setdefault("positions", {})["rok"] = {"stance": STANCE[side]}
    return {node_id}


def add(data: dict, node_id: str, side: str) -> set[str]:
    """Add a side's free-text paragraph after a paragraph."""
    holder, index = find(data, node_id)
    number = 1
    while any(node["id"] == f"{node_id}-{side}-{number}" for node in holder):
        number += 1
    new = {"id": f"{node_id}-{side}-{number}", "kind": "text", "status": "pending", "text": _text(f"New text by {side}.")}
    touched = _neighbours(data, node_id)
    holder.insert(index + 1, new)
    return touched | {new["id"]}


def delete(data: dict, node_id: str, side: str) -> set[str]:
    """Delete a paragraph."""
    touched = _neighbours(data, node_id)
    holder, index = find(data, node_id)
    del holder[index]
    return touched


def move(data: dict, node_id: str, side: str, after: str) -> set[str]:
    """Move an article to just after another article (which may be in another part)."""
    touched = _neighbours(data, node_id) | _neighbours(data, after)
    holder, index = find(data, node_id)
    article = holder.pop(index)
    target, position_ = find(data, after)
    target.insert(position_ + 1, article)
    return touched | _neighbours(data, node_id)


TEXTS = ("rec-1", "rec-2", "art-a.p1", "art-a.p2", "art-b.p1", "art-b.p2", "art-c.p1", "art-c.p2", "final.steps.note")
PARAGRAPHS = TEXTS[2:8]
ARTICLES = ("pullback", "unc-article", "final", "art-a", "art-b", "art-c")
TARGETS: dict[str, tuple[str, ...]] = {
    "word": TEXTS, "parameter": ("pullback.distance",), "status": ("pullback.distance", "unc.status", *PARAGRAPHS),
    "position": ("pullback.distance", "unc.status", *PARAGRAPHS), "add": PARAGRAPHS, "delete": PARAGRAPHS,
    "move": ARTICLES,
}
EDITS: dict[str, Callable] = {"word": word, "parameter": parameter, "status": status, "position": position,
                              "add": add, "delete": delete, "move": move}


def apply(data: dict, script: list[tuple], side: str) -> set[str]:
    """Apply a script of (edit, target[, after]) to data in place; return the ids it touched.

    An edit whose target an earlier edit deleted is skipped, and so is a move onto itself.
    """
    touched: set[str] = set()
    for name, target, *rest in script:
        try:
            find(data, target)
            if rest:
                find(data, rest[0])
        except KeyError:
            continue
        if rest and rest[0] == target:
            continue
        touched |= EDITS[name](data, target, side, *rest)
    return touched


def edited(base: dict, script: list[tuple], side: str) -> tuple[dict, set[str]]:
    """Return a copy of the base with a script applied, and the ids it touched."""
    data = copy.deepcopy(base)
    return data, apply(data, script, side)
