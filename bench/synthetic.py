"""Synthetic agreements of any size, for benchmarks: a realistic mix of clause kinds and references."""

from __future__ import annotations

import io

from ruamel.yaml import YAML

LABEL = {"en": "The Parties shall carry out this step in good faith.", "ko": "당사자들은 이 조치를 성실히 이행한다.",
         "zh": "各当事方应本着诚意执行本步骤。"}


def _clause(number: int) -> dict:
    """Return clause number n, cycling through several kinds that reference registries and steps."""
    node_id = f"c{number}"
    shape = number % 5
    if shape == 0:
        return {"id": node_id, "kind": "text", "status": "agreed", "text": LABEL}
    if shape == 1:
        return {"id": node_id, "kind": "force_reduction_and_redeployment", "status": "bracketed",
                "pullback_km": 10 + number % 20, "from_zone": "dmz", "categories": ["artillery", "armour"],
                "deadline": {"after": "entry_into_force", "days": number % 365},
                "alternatives": [{"id": f"{node_id}.b", "proposed_by": ["dprk"], "set": {"pullback_km": 40}}],
                "positions": {"rok": {"stance": "support"}, "dprk": {"stance": "oppose", "note": "Wants 40 km."}}}
    if shape == 2:
        return {"id": node_id, "kind": "verification", "status": "agreed", "body": "jmc",
                "mandate": ["force_reduction"], "access": ["routine_inspection"], "reports_to": ["rok", "dprk"]}
    if shape == 3:
        return {"id": node_id, "kind": "prisoners_and_remains", "status": "pending", "categories": ["remains"],
                "body": "jmc", "deadline": {"after": f"c{number - 2}", "days": 15}}
    return {"id": node_id, "kind": "text", "status": "pending", "text": LABEL,
            "translation": {"zh": "draft"}, "children": [{"id": f"{node_id}.a", "kind": "text", "text": LABEL}]}


def synthetic_agreement(clauses: int, per_article: int = 5, languages: tuple[str, ...] = ("en",)) -> dict:
    """Return the plain data of a valid draft with about `clauses` clauses, in the given languages."""
    data = _skeleton(clauses, per_article)
    if languages != ("en",):
        data["meta"]["languages"] = list(languages)
        for holder in [data["meta"]["title"], *(item["names"] for key in ("parties", "bodies", "zones")
                                                 for item in data[key]), *(a["heading"] for a in data["body"])]:
            holder.update({lang: f"{holder['en']}-{lang}" for lang in languages if lang != "en"})
    return data


def _skeleton(clauses: int, per_article: int) -> dict:
    """Return the plain data of an English synthetic draft."""
    articles = []
    for start in range(0, clauses, per_article):
        children = [_clause(n) for n in range(start, min(start + per_article, clauses))]
        articles.append({"id": f"art{start // per_article}", "kind": "article", "heading": {"en": "Article"},
                         "children": children})
    return {
        "peacedraft": 1,
        "meta": {"title": {"en": "Synthetic agreement"}, "form": "peace_agreement", "round": 1, "version": "S",
                 "date": "2027-01-01", "languages": ["en"]},
        "parties": [{"id": "rok", "names": {"en": "ROK"}, "role": "signatory"},
                    {"id": "dprk", "names": {"en": "DPRK"}, "role": "signatory"}],
        "bodies": [{"id": "jmc", "names": {"en": "Joint Military Commission"}, "kind": "commission",
                    "members": ["rok", "dprk"]}],
        "zones": [{"id": "dmz", "names": {"en": "DMZ"}, "kind": "demilitarized_zone"}],
        "body": articles,
    }


def synthetic_yaml(clauses: int, languages: tuple[str, ...] = ("en",)) -> str:
    """Return a synthetic draft in the given languages as YAML text."""
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.representer.ignore_aliases = lambda *args: True
    stream = io.StringIO()
    yaml.dump(synthetic_agreement(clauses, languages=languages), stream)
    return stream.getvalue()
