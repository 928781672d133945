"""Hypothesis strategies: valid generated agreements (plain data) and edited copies of them.

`agreement_data()` draws the plain data of a draft that `Agreement.model_validate` accepts and that breaks no
error rule: parties, bodies and zones with names in the draft's languages; a preamble; a body of parts and
articles (or articles alone) holding text clauses and typed clauses whose references name generated
parties, bodies, zones and scheduled items; steps, phases and crossings whose deadlines and preconditions
only name items drawn before them (so the schedule is a DAG, and no item falls due before what it requires);
negotiation state (status, proposers, alternatives, positions, translation). Texts mix words of each
language with arbitrary Unicode (every plane, combining marks, right-to-left scripts, emoji), never the
characters a Word document cannot hold. `edited_pairs()` draws (a, b): a draft and a copy changed by an edit
script (words, parameters, deleted, inserted and moved articles and paragraphs, headings, brackets).
"""

from __future__ import annotations

import copy
import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from hypothesis import strategies as st

from agreements.model import Agreement
from clauses.base import MAX_DAYS
from tests.agreements.render.docx.edits import articles, clauses

LANGS = ("en", "ko", "zh")
# What an agreement's text may not hold (clauses.base.NOT_IN_DOCUMENTS): C0 controls but tab, LF and CR; DEL;
# U+FFFE and U+FFFF.
FORBIDDEN = "".join(chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF])
# Text that breaks naive code: combining marks, Hebrew and Arabic, bidi controls, joined emoji, flags, astral
# CJK, a private-use character, line breaks of every kind, a C1 control, a BOM, spaces, a very long word.
SPECIAL = ("\u0301", "\u0308\u0323", "שָׁלוֹם", "سلام", "\u202e", "\u200d", "👩‍👩‍👧", "🇰🇷", "\U0002a6d6",
           "\U0010fffd", "\t", "\n", "\r\n", "\u2028", "\u0085", "\u0080", "\ufeff", "\u00a0", "  ", "x" * 300)
VOCABULARY = {
    "en": st.sampled_from(["The", "Parties", "shall", "cooperate", "in", "good", "faith", "to", "withdraw", "forces",
                           "from", "the", "zone", "within", "ninety", "days", "verify", "each", "step", "Agreement"]),
    "ko": st.sampled_from(["당사자들은", "평화", "협력한다", "성실히", "비무장지대", "이내에", "조치를", "검증한다", "합의"]),
    "zh": st.sampled_from(["各方", "应当", "和平", "合作", "非军事区", "以内", "核查", "协定", "执行", "步骤"]),
}
JOINER = {"en": " ", "ko": " ", "zh": ""}
PARTY_IDS = ("rok", "dprk", "usa", "prc", "un", "jpn", "rus")
STATUSES = ("agreed", "agreed_ad_referendum", "bracketed", "pending")
TRACKS = ("denuclearization", "peace_regime", "military", "un_command", "border", "relations")
SENTENCES = {
    "en": st.sampled_from(["The Parties shall cooperate in good faith.", "Forces shall withdraw from the zone.",
                           "Each step shall be verified.", "Peace"]),
    "ko": st.sampled_from(["당사자들은 성실히 협력한다.", "비무장지대에서 병력을 철수한다.", "평화"]),
    "zh": st.sampled_from(["各方应本着诚意合作。", "部队应撤出非军事区。", "和平"]),
}


# Any character an agreement's text may hold: every plane, every category but surrogates.
CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters=FORBIDDEN)


@functools.cache
def words(lang: str) -> st.SearchStrategy[str]:
    """Text in one language: a sentence of it, or its words mixed with arbitrary Unicode."""
    token = st.one_of(VOCABULARY[lang], VOCABULARY[lang], st.text(CHARACTERS, min_size=1, max_size=8),
                      st.sampled_from(SPECIAL))
    return st.one_of(SENTENCES[lang], st.lists(token, min_size=1, max_size=7).map(JOINER[lang].join))


@dataclass
class Draft:
    """The state of one agreement being drawn: languages, registries, ids used and the schedule so far."""

    draw: Callable
    langs: list[str]
    parties: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)
    commands: list[dict] = field(default_factory=list)
    due: dict[str, int | None] = field(default_factory=dict)
    count: int = 0
    budget: int = 14

    def new_id(self, stem: str) -> str:
        """Return a fresh id (unique in the file)."""
        self.count += 1
        return f"{stem}-{self.count}"

    def text(self) -> dict[str, str]:
        """Return text in every language of the draft (sometimes in one more)."""
        extra = self.draw(st.sampled_from([[], [], [], list(LANGS)]))
        return {lang: self.draw(words(lang)) for lang in dict.fromkeys([*self.langs, *extra])}

    def some(self, pool: list[str], least: int = 1, most: int = 3) -> list[str]:
        """Return a few distinct entries of a registry."""
        return self.draw(st.lists(st.sampled_from(pool), min_size=least, max_size=most, unique=True))

    def deadline(self, requires: list[str] = ()) -> dict:
        """Return a deadline after entry into force or an earlier item, never before what `requires` names."""
        if requires:
            after = max(requires, key=lambda key: -1 if self.due[key] is None else self.due[key])
        else:
            after = self.draw(st.sampled_from(["entry_into_force", *self.due]))
        return {"after": after, "days": self.draw(st.integers(0, 400) | st.just(MAX_DAYS))}

    def scheduled(self, key: str, deadline: dict | None) -> None:
        """Record the day an item falls due, so later items can count from it."""
        if deadline is None:
            self.due[key] = None
        elif deadline["after"] == "entry_into_force":
            self.due[key] = deadline["days"]
        else:
            base = self.due[deadline["after"]]
            self.due[key] = None if base is None else base + deadline["days"]

    def position(self) -> dict:
        """Return a party's stance, maybe with a note."""
        position = {"stance": self.draw(st.sampled_from(["support", "oppose", "reserve"]))}
        if self.draw(st.booleans()):
            position["note"] = self.draw(words(self.langs[0]))
        return position

    def state(self, node: dict, settable: dict | None = None) -> dict:
        """Add negotiation state to a node: alternatives (then never agreed), proposers, positions, translation."""
        draw = self.draw
        alternatives = []
        for _ in range(draw(st.integers(0, 2))):
            alternative = {"id": self.new_id("alt"), "proposed_by": self.some(self.parties, 1, 2)}
            if settable and draw(st.booleans()):
                alternative["set"] = settable
            else:
                alternative["text"] = self.text()
            if draw(st.integers(0, 3)) == 0:
                alternative["withdrawn"] = True
            alternatives.append(alternative)
        is_open = any(not alternative.get("withdrawn") for alternative in alternatives)
        node["status"] = draw(st.sampled_from(STATUSES[2:] if is_open else STATUSES))
        if alternatives:
            node["alternatives"] = alternatives
        if draw(st.booleans()):
            node["proposed_by"] = self.some(self.parties, 1, 2)
        if draw(st.booleans()):
            node["positions"] = {party: self.position() for party in self.some(self.parties, 1, 3)}
        if draw(st.integers(0, 3)) == 0:
            statuses = st.sampled_from(["final", "draft", "needs_review"])
            node["translation"] = {lang: draw(statuses) for lang in self.langs}
        return node


def _text_clause(d: Draft, node: dict) -> dict:
    """Free text."""
    return {**node, "kind": "text", "text": d.text()}


def _force_reduction(d: Draft, node: dict) -> dict:
    """A pull-back from a zone by a deadline (an alternative may set another distance)."""
    node.update(kind="force_reduction_and_redeployment", from_zone=d.draw(st.sampled_from(d.zones)),
                pullback_km=d.draw(st.integers(1, 100)), deadline=d.deadline(),
                categories=d.some(["artillery", "armour", "drones", "infantry"]))
    d.scheduled(node["id"], node["deadline"])
    return d.state(node, {"pullback_km": d.draw(st.integers(1, 100))})


def _verification(d: Draft, node: dict) -> dict:
    """A body verifying, reporting to parties."""
    node.update(kind="verification", body=d.draw(st.sampled_from(d.bodies)), mandate=["force_reduction"],
                access=d.some(["routine_inspection", "challenge_inspection"]), reports_to=d.some(d.parties, 0, 2))
    return d.state(node)


def _prisoners(d: Draft, node: dict) -> dict:
    """Repatriation, maybe by a body, maybe by a deadline."""
    node.update(kind="prisoners_and_remains", categories=d.some(["prisoners_of_war", "remains", "abductees"]))
    if d.bodies and d.draw(st.booleans()):
        node["body"] = d.draw(st.sampled_from(d.bodies))
    deadline = d.deadline() if d.draw(st.booleans()) else None
    if deadline:
        node["deadline"] = deadline
    d.scheduled(node["id"], deadline)
    return d.state(node, {"categories": ["remains"]})


def _un_command(d: Draft, node: dict) -> dict:
    """The UN Command dissolved, transformed or reduced; its own command body, named nowhere else."""
    command = d.new_id("command")
    d.commands.append({"id": command, "names": d.text(), "kind": "command", "members": d.some(d.parties, 0, 2)})
    dispositions = ["dissolve", "retain_reduced", *(["transform"] if d.bodies else [])]
    node.update(kind="un_command_status", command=command, disposition=d.draw(st.sampled_from(dispositions)),
                effective=d.deadline())
    if d.bodies and (node["disposition"] == "transform" or d.draw(st.booleans())):
        node["successor_body"] = d.draw(st.sampled_from(d.bodies))
        node["functions_transferred"] = d.some(["liaison", "general_officer_talks"], 0, 2)
    d.scheduled(node["id"], node["effective"])
    return d.state(node)


def _step(d: Draft) -> dict:
    """A step on a track, maybe timed, requiring earlier items."""
    key = d.new_id("step")
    requires = d.some(list(d.due), 0, 2) if d.due else []
    step = {"id": key, "track": d.draw(st.sampled_from(TRACKS)), "label": d.text()}
    deadline = d.deadline(requires) if d.draw(st.integers(0, 3)) else None
    if deadline:
        step["deadline"] = deadline
    if requires:
        step["requires"] = requires
    if d.draw(st.booleans()):
        step["by"] = d.some(d.parties + d.bodies, 1, 2)
    d.scheduled(key, deadline)
    return step


def _sequencing(d: Draft, node: dict) -> dict:
    """Phases of steps."""
    phases = [{"id": d.new_id("phase"), "label": d.text(),
               "steps": [_step(d) for _ in range(d.draw(st.integers(1, 3)))]} for _ in range(d.draw(st.integers(1, 2)))]
    node.update(kind="implementation_sequencing", phases=phases,
                principle=d.draw(st.sampled_from(["action_for_action", "simultaneous", "sequential"])))
    return d.state(node)


def _demining(d: Draft, node: dict) -> dict:
    """De-mining phases in zones, by teams."""
    phases = []
    for _ in range(d.draw(st.integers(1, 2))):
        phase = {"id": d.new_id("demining"), "zones": d.some(d.zones, 1, 2), "deadline": d.deadline()}
        d.scheduled(phase["id"], phase["deadline"])
        phases.append(phase)
    node.update(kind="dmz_demining", standard="imas", teams=d.some(d.bodies, 1, 2), phases=phases)
    return d.state(node)


def _border(d: Draft, node: dict) -> dict:
    """Border regimes and crossing points that open on a day."""
    crossings = []
    for _ in range(d.draw(st.integers(0, 2))):
        crossing = {"id": d.new_id("crossing"), "name": d.text(), "modes": ["road"], "deadline": d.deadline()}
        d.scheduled(crossing["id"], crossing["deadline"])
        crossings.append(crossing)
    node.update(kind="border_controls", people="permit", goods="licensed", money="declared_above_threshold",
                cash_threshold_usd=d.draw(st.integers(1, 100_000_000)), crossings=crossings)
    return d.state(node)


def _foreign_forces(d: Draft, node: dict) -> dict:
    """One party's forces on another's territory."""
    forces_of, host = d.draw(st.permutations(d.parties))[:2]
    node.update(kind="foreign_forces", forces_of=forces_of, host=host,
                disposition=d.draw(st.sampled_from(["withdraw", "reduce", "retain"])))
    d.scheduled(node["id"], None)
    return d.state(node, {"disposition": "retain_with_limits"})


def _end_of_war(d: Draft, node: dict) -> dict:
    """The end of the state of war (no references)."""
    node.update(kind="end_of_war_and_non_aggression", domains=d.some(["land", "sea", "air"]),
                effective=d.draw(st.sampled_from(["signature", "entry_into_force"])))
    return d.state(node)


def _demarcation(d: Draft, node: dict) -> dict:
    """The line and the zone."""
    node.update(kind="demarcation_and_dmz", line="provisional_boundary", zone=d.draw(st.sampled_from(d.zones)),
                regime=d.draw(st.sampled_from(["demilitarized", "peace_zone", "joint_administration"])))
    return d.state(node)


KINDS = {  # kind → (builder, what the draft must register for it)
    "text": (_text_clause, ()), "force_reduction": (_force_reduction, ("zones",)),
    "verification": (_verification, ("bodies",)), "prisoners": (_prisoners, ()), "un_command": (_un_command, ()),
    "sequencing": (_sequencing, ()), "demining": (_demining, ("zones", "bodies")), "border": (_border, ()),
    "foreign_forces": (_foreign_forces, ()), "end_of_war": (_end_of_war, ()), "demarcation": (_demarcation, ("zones",)),
}


def _clause(d: Draft, depth: int) -> dict:
    """A clause of a kind the registries allow, with points below it."""
    d.budget -= 1
    usable = [name for name, (_, needs) in KINDS.items() if all(getattr(d, need) for need in needs)]
    name = d.draw(st.sampled_from(["text", "text", *usable]))
    builder = KINDS[name][0]
    node = builder(d, {"id": d.new_id("p" if depth == 0 else "pt")})
    if name == "text":
        d.state(node)
    elif d.draw(st.integers(0, 4)) == 0:
        node["text"] = d.text()
    if depth < 2 and d.budget > 0:
        children = [_clause(d, depth + 1) for _ in range(d.draw(st.integers(0, 2 - depth)))]
        if children:
            node["children"] = children
    return node


def _article(d: Draft) -> dict:
    """An article: maybe a heading, a few clauses."""
    d.budget -= 1
    article = d.state({"id": d.new_id("art"), "kind": "article"})
    if d.draw(st.integers(0, 3)):
        article["heading"] = d.text()
    count = d.draw(st.sampled_from([1, 2, 3, 0])) if d.budget > 0 else 0
    article["children"] = [_clause(d, 0) for _ in range(count)]
    return article


def _top(d: Draft) -> dict:
    """A part of articles, or an article."""
    if d.draw(st.integers(0, 2)):
        return _article(d)
    part = d.state({"id": d.new_id("part"), "kind": "part", "heading": d.text()})
    part["children"] = [_article(d) for _ in range(d.draw(st.integers(0, 2)))]
    return part


def _registry(d: Draft, stem: str, kind: str, count: int) -> list[dict]:
    """Bodies or zones."""
    entries = [{"id": d.new_id(stem), "names": d.text(), "kind": kind} for _ in range(count)]
    for entry in entries:
        if stem == "body":
            entry["members"] = d.some(d.parties, 0, 3)
        elif d.draw(st.booleans()):
            entry["width_km"] = d.draw(st.floats(0.5, 100))
    return entries


@st.composite
def agreement_data(draw, max_nodes: int = 14) -> dict:
    """Return the plain data of a valid generated draft of about max_nodes articles, paragraphs and points."""
    d = Draft(draw, draw(st.lists(st.sampled_from(LANGS), min_size=1, max_size=3, unique=True)), budget=max_nodes)
    d.parties = draw(st.lists(st.sampled_from(PARTY_IDS), min_size=2, max_size=4, unique=True))
    parties = [{"id": key, "names": d.text(), "role": draw(st.sampled_from(["signatory", "signatory", "witness"]))}
               for key in d.parties]
    bodies = _registry(d, "body", "commission", draw(st.integers(0, 2)))
    zones = _registry(d, "zone", "demilitarized_zone", draw(st.integers(0, 2)))
    d.bodies, d.zones = [body["id"] for body in bodies], [zone["id"] for zone in zones]
    meta = {"title": d.text(),
            "form": draw(st.sampled_from(["peace_treaty", "peace_agreement", "declaration"])),
            "round": draw(st.integers(1, 999)), "version": draw(st.text(CHARACTERS, min_size=1, max_size=40)),
            "date": draw(st.dates(datetime.date(1953, 7, 27), datetime.date(2100, 12, 31))).isoformat(),
            "languages": d.langs}
    if draw(st.booleans()):
        meta["short_title"] = d.text()
    preamble = [d.state({"id": d.new_id("recital"), "text": d.text()}) for _ in range(draw(st.integers(0, 2)))]
    body = [_top(d) for _ in range(draw(st.integers(1, 3)))]
    data = {"peacedraft": 1, "meta": meta, "parties": parties, "bodies": bodies + d.commands, "zones": zones,
            "preamble": preamble, "body": body}
    Agreement.model_validate(data)
    return data


def agreements(max_nodes: int = 14) -> st.SearchStrategy[Agreement]:
    """Valid generated agreements (models); see agreement_data."""
    return agreement_data(max_nodes).map(Agreement.model_validate)


# ---- edits of a generated draft, for (a, b) pairs ---------------------------------------------------------

def _all_ids(data: dict) -> set[str]:
    """Return every id in the data."""
    found, stack = set(), [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            found.add(value.get("id"))
            stack += value.values()
        elif isinstance(value, list):
            stack += value
    return found


def _fresh(data: dict, stem: str) -> str:
    """Return an id not used in the data."""
    used, number = _all_ids(data), 1
    while f"{stem}-{number}" in used:
        number += 1
    return f"{stem}-{number}"


def _texts(data: dict) -> list[dict]:
    """Return every free text of the body and preamble (text clauses, overrides, recitals, headings)."""
    holders = [recital["text"] for recital in data["preamble"]]
    holders += [holder[index]["heading"] for holder, index in articles(data) if holder[index].get("heading")]
    holders += [top["heading"] for top in data["body"] if top["kind"] == "part"]
    return holders + [node["text"] for node in clauses(data) if node.get("text")]


def change_words(draw, data: dict) -> None:
    """Insert, delete or replace some characters or words of a text in one language."""
    holders = _texts(data)
    if holders:
        holder = draw(st.sampled_from(holders))
        lang = draw(st.sampled_from(sorted(holder)))
        text = holder[lang]
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        holder[lang] = text[:start] + draw(st.sampled_from(["", " amended ", "수정", "修订"])) + text[end:] or "x"


def change_parameter(draw, data: dict) -> None:
    """Change a pull-back distance or a deadline's days."""
    timed = [(node, key) for node in clauses(data) for key in ("pullback_km", "deadline", "effective")
             if key in node and not isinstance(node[key], str)]
    if timed:
        node, name = draw(st.sampled_from(timed))
        if name == "pullback_km":
            node[name] = draw(st.integers(1, 100))
        else:
            node[name] = {**node[name], "days": draw(st.integers(0, 999))}


def delete_node(draw, data: dict) -> None:
    """Delete an article, a paragraph or a point."""
    holders = articles(data)
    parents = [holder[index] for holder, index in holders] + clauses(data)
    holders += [(node["children"], index) for node in parents for index in range(len(node.get("children", [])))]
    if holders:
        holder, index = draw(st.sampled_from(holders))
        del holder[index]


def insert_node(draw, data: dict) -> None:
    """Insert a new article (at the top level or in a part) or a new paragraph in an article."""
    text = {lang: draw(words(lang)) for lang in data["meta"]["languages"]}
    found = articles(data)
    if found and draw(st.booleans()):
        article = draw(st.sampled_from([holder[index] for holder, index in found]))
        paragraph = {"id": _fresh(data, "new-p"), "kind": "text", "status": "agreed", "text": text}
        article.setdefault("children", []).insert(draw(st.integers(0, len(article["children"]))), paragraph)
        return
    holders = [data["body"], *(top["children"] for top in data["body"] if top["kind"] == "part")]
    holder = draw(st.sampled_from(holders))
    article = {"id": _fresh(data, "new-art"), "kind": "article", "heading": dict(text),
               "children": [{"id": _fresh(data, "new-p"), "kind": "text", "text": text}]}
    holder.insert(draw(st.integers(0, len(holder))), article)


def move_node(draw, data: dict) -> None:
    """Move an article elsewhere in the body, or a paragraph into another place of any article."""
    found = articles(data)
    if not found:
        return
    if draw(st.booleans()):
        holder, index = draw(st.sampled_from(found))
        article = holder.pop(index)
        targets = [data["body"], *(top["children"] for top in data["body"] if top["kind"] == "part")]
        target = draw(st.sampled_from(targets))
        target.insert(draw(st.integers(0, len(target))), article)
        return
    with_children = [holder[index] for holder, index in found if holder[index].get("children")]
    if with_children:
        source = draw(st.sampled_from(with_children))
        paragraph = source["children"].pop(draw(st.integers(0, len(source["children"]) - 1)))
        target = draw(st.sampled_from([holder[index] for holder, index in articles(data)]))
        target.setdefault("children", []).insert(draw(st.integers(0, len(target["children"]))), paragraph)


def change_heading(draw, data: dict) -> None:
    """Give an article a new heading, or take its heading away."""
    found = articles(data)
    if found:
        holder, index = draw(st.sampled_from(found))
        article = holder[index]
        if article.get("heading") and draw(st.booleans()):
            del article["heading"]
        else:
            article["heading"] = {lang: draw(words(lang)) for lang in data["meta"]["languages"]}


def rebracket(draw, data: dict) -> None:
    """Agree a bracketed node (its alternatives dropped), or bracket an agreed one."""
    nodes = clauses(data) + data["preamble"]
    if nodes:
        node = draw(st.sampled_from(nodes))
        if node.get("status") in ("bracketed", "pending"):
            node["status"] = "agreed"
            node.pop("alternatives", None)
        else:
            node["status"] = "bracketed"


def set_position(draw, data: dict) -> None:
    """Record a party's stance on a node (a comment only)."""
    nodes = clauses(data) + data["preamble"]
    if nodes:
        node = draw(st.sampled_from(nodes))
        party = draw(st.sampled_from([party["id"] for party in data["parties"]]))
        node.setdefault("positions", {})[party] = {"stance": draw(st.sampled_from(["support", "oppose", "reserve"]))}


EDITS = (change_words, change_parameter, move_node, delete_node, insert_node, change_heading, rebracket, set_position,
         change_parameter, move_node)


@st.composite
def edited_pairs(draw, max_nodes: int = 10) -> tuple[Agreement, Agreement]:
    """Return (a, b): a generated draft and a copy changed by one to four edits."""
    data = draw(agreement_data(max_nodes=max_nodes))
    changed = copy.deepcopy(data)
    for edit in draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=4)):
        edit(draw, changed)
    if changed == data:
        insert_node(draw, changed)
    return Agreement.model_validate(data), Agreement.model_validate(changed)
