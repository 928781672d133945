"""Random but valid edits of a draft's plain data, for generated redline pairs (driven by hypothesis)."""

from __future__ import annotations

import copy

SUFFIX = {"en": " as amended", "ko": " (수정)", "zh": "（修订）"}
NEW_TEXT = {"en": "The Parties shall consult each other on any matter arising under this Article.",
            "ko": "당사자들은 이 조에 따라 발생하는 모든 사항에 관하여 서로 협의한다.",
            "zh": "各方应就本条所产生的任何事项相互协商。"}


def articles(data: dict) -> list[tuple[list, int]]:
    """Return every article as (the list holding it, its index)."""
    found = []
    for top_index, top in enumerate(data["body"]):
        if top["kind"] == "part":
            found += [(top["children"], index) for index in range(len(top["children"]))]
        else:
            found.append((data["body"], top_index))
    return found


def clauses(data: dict) -> list[dict]:
    """Return every clause (paragraph or point) of the body."""
    found, stack = [], [child for holder, index in articles(data) for child in holder[index].get("children", [])]
    while stack:
        node = stack.pop(0)
        found.append(node)
        stack[0:0] = node.get("children", [])
    return found


def new_article(number: int) -> dict:
    """Return a new article with one free-text paragraph."""
    return {"id": f"gen-{number}", "kind": "article", "status": "agreed",
            "heading": {"en": f"New Article {number}", "ko": f"신설 조항 {number}", "zh": f"新增条款{number}"},
            "children": [{"id": f"gen-{number}.p", "kind": "text", "status": "agreed", "text": dict(NEW_TEXT)}]}


def change_text(data: dict, pick: int) -> None:
    """Amend the text of a free-text clause in every language."""
    texts = [node for node in clauses(data) if node["kind"] == "text"]
    node = texts[pick % len(texts)]
    node["text"] = {lang: text + SUFFIX[lang] for lang, text in node["text"].items()}


def change_parameter(data: dict, pick: int) -> None:
    """Change a pull-back distance or a deadline."""
    timed = [node for node in clauses(data) if "pullback_km" in node or isinstance(node.get("deadline"), dict)]
    node = timed[pick % len(timed)]
    if "pullback_km" in node and pick % 2:
        node["pullback_km"] = 5 + pick % 40
    else:
        node["deadline"] = {**node.get("deadline", {}), "days": 30 + pick % 700}


def delete_article(data: dict, pick: int) -> None:
    """Remove an article."""
    found = articles(data)
    if len(found) > 3:
        holder, index = found[pick % len(found)]
        del holder[index]


def delete_paragraph(data: dict, pick: int) -> None:
    """Remove a paragraph from an article that has more than one."""
    found = [holder[index] for holder, index in articles(data) if len(holder[index].get("children", [])) > 1]
    if found:
        article = found[pick % len(found)]
        del article["children"][pick % len(article["children"])]


def insert_article(data: dict, pick: int) -> None:
    """Insert a new article somewhere."""
    holder, index = articles(data)[pick % len(articles(data))]
    holder.insert(index, new_article(pick))


def append_article(data: dict, pick: int) -> None:
    """Append a new article at the very end of the agreement."""
    last = data["body"][-1]
    (last["children"] if last["kind"] == "part" else data["body"]).append(new_article(pick))


def move_article(data: dict, pick: int) -> None:
    """Move an article to another place."""
    found = articles(data)
    holder, index = found[pick % len(found)]
    article = holder.pop(index)
    found = articles(data)
    target, position = found[(pick // 7) % len(found)]
    target.insert(position, article)


def rebracket(data: dict, pick: int) -> None:
    """Agree a bracketed clause (its options dropped), or bracket an agreed one."""
    node = clauses(data)[pick % len(clauses(data))]
    if node.get("status") == "bracketed":
        node["status"], node["alternatives"] = "agreed", []
    else:
        node["status"] = "bracketed"


def change_heading(data: dict, pick: int) -> None:
    """Amend an article's heading."""
    holder, index = articles(data)[pick % len(articles(data))]
    article = holder[index]
    article["heading"] = {lang: text + SUFFIX[lang] for lang, text in (article.get("heading") or NEW_TEXT).items()}


def move_and_change_article(data: dict, pick: int) -> None:
    """Move an article that holds a pull-back distance, a deadline or free text, and change that inside it."""
    found = [(holder, index) for holder, index in articles(data) if _changeable(holder[index])]
    holder, index = found[pick % len(found)]
    article = holder.pop(index)
    node = _changeable(article)[pick % len(_changeable(article))]
    if node.get("pullback_km") is not None:
        node["pullback_km"] = node["pullback_km"] * 2 + 5
    elif isinstance(node.get("deadline"), dict):
        node["deadline"] = {**node["deadline"], "days": node["deadline"]["days"] + 30 + pick % 300}
    else:
        node["text"] = {lang: text[:len(text) // 2] + SUFFIX[lang] for lang, text in node["text"].items()}
    target, position = articles(data)[(pick // 7) % len(articles(data))]
    target.insert(position, article)


def _changeable(article: dict) -> list[dict]:
    """Return an article's clauses whose words a change of value or text alters."""
    found, stack = [], list(article.get("children", []))
    while stack:
        node = stack.pop(0)
        if node.get("pullback_km") is not None or isinstance(node.get("deadline"), dict) or node["kind"] == "text":
            found.append(node)
        stack[0:0] = node.get("children", [])
    return found


STATUSES = ("pending", "agreed", "agreed_ad_referendum")


def change_status(data: dict, pick: int) -> None:
    """Move a clause or an article from one unbracketed status to another (pending → agreed …): a comment only."""
    nodes = [node for node in clauses(data) + [holder[index] for holder, index in articles(data)]
             if node.get("status", "pending") in STATUSES]
    node = nodes[pick % len(nodes)]
    others = [status for status in STATUSES if status != node.get("status", "pending")]
    node["status"] = others[pick % len(others)]


NOTES = ("Figures to be confirmed by the military experts.", "Wording agreed at the last plenary; ad referendum.")


def change_note(data: dict, pick: int) -> None:
    """Add, rewrite or remove a drafters' note on a clause or an article (a comment only)."""
    nodes = clauses(data) + [holder[index] for holder, index in articles(data)]
    node = nodes[pick % len(nodes)]
    if node.get("note") and pick % 3 == 0:
        del node["note"]
    else:
        node["note"] = NOTES[pick % len(NOTES)] + (" (revised)" if node.get("note") else "")


EDITS = {function.__name__: function for function in (
    change_text, change_parameter, delete_article, delete_paragraph, insert_article, append_article, move_article,
    rebracket, change_heading, move_and_change_article, change_status, change_note)}


def edited(data: dict, script: list[tuple[str, int]]) -> dict:
    """Return a copy of plain draft data with an edit script applied."""
    data = copy.deepcopy(data)
    for name, pick in script:
        EDITS[name](data, pick)
    return data
