"""The one list of topics: the clause kinds a draft can hold, in the order a treaty takes them up.

A topic is a module `clauses/kinds/<topic id>.py`; the list is those modules. ORDER puts the shipped ones
in the order of the agreement (parties first, final provisions last); a topic added by its module alone
comes after them, in the order of its id, until it is given a place here. This module reads file names
only, so the command line can offer topic choices without loading the models.
"""

from __future__ import annotations

from pathlib import Path

KINDS_FOLDER = Path(__file__).resolve().parent / "kinds"
ORDER = (
    "form_and_parties",
    "non_korean_parties_roles",
    "end_of_war_and_non_aggression",
    "demarcation_and_dmz",
    "dmz_demining",
    "force_reduction_and_redeployment",
    "foreign_forces",
    "un_command_status",
    "inter_korean_relations",
    "inter_korean_and_multilateral_tracks",
    "border_controls",
    "denuclearization_linkage",
    "verification",
    "dispute_resolution",
    "prisoners_and_remains",
    "implementation_sequencing",
    "final_provisions",
)


def _module_names() -> list[str]:
    """Return the names of the topic modules in the kinds folder."""
    return sorted(path.stem for path in KINDS_FOLDER.glob("*.py") if not path.stem.startswith("_"))


def _topics() -> tuple[str, ...]:
    """Return every topic: the ordered ones that have a module, then the others by id."""
    found = _module_names()
    return tuple(topic for topic in ORDER if topic in found) + tuple(topic for topic in found if topic not in ORDER)


TOPICS: tuple[str, ...] = _topics()
