"""Reading the precedent fact sheet in tests: its sections and provision rows, the only source of precedent facts."""

from __future__ import annotations

import re
from pathlib import Path

FACT_SHEET = Path(__file__).resolve().parents[2] / "shared" / "reference" / "precedents-factsheet.md"
SECTIONS = {
    "armistice-1953": "## 1. ", "paris-1973": "## 2. ", "geneva-1954": "## 3. ", "two-plus-four-1990": "## 4. ",
    "basic-treaty-1972": "## 5. ", "unification-treaty-1990": "## 6. ", "aden-1989": "### 7a. ",
    "sanaa-1990": "### 7b. ", "amman-1994": "### 7c. ", "yemen-unity-1972": "### 7d. ", "stockholm-2018": "### 7e. ",
    "inter-korean-basic-1991": "### 8a. ", "denuclearization-declaration-1992": "### 8b. ",
    "panmunjom-2018": "### 8c. ", "cma-2018": "### 8d. ", "six-party-2005": "### 8e. ",
}
TOPIC_WORDS = {
    "form_and_parties": "form_and_parties", "non_korean_parties_roles": "non_korean_parties_roles",
    "ceasefire": "end_of_war_and_non_aggression", "demarcation_and_dmz": "demarcation_and_dmz",
    "demining": "dmz_demining", "force_reduction_and_redeployment": "force_reduction_and_redeployment",
    "foreign_forces": "foreign_forces", "un_command_and_armistice_bodies": "un_command_status",
    "inter_state_relations": "inter_korean_relations", "border_controls_people_money_goods": "border_controls",
    "denuclearization_and_wmd": "denuclearization_linkage", "verification_and_monitoring": "verification",
    "dispute_resolution": "dispute_resolution", "prisoners_and_remains": "prisoners_and_remains",
    "sequencing_and_timelines": "implementation_sequencing", "entry_into_force_and_final": "final_provisions",
}


def sections() -> dict[str, str]:
    """Return each precedent's part of the fact sheet, up to the next precedent heading."""
    sheet = FACT_SHEET.read_text(encoding="utf-8")
    starts = sorted((sheet.index("\n" + heading), key) for key, heading in SECTIONS.items())
    ends = [position for position, _ in starts[1:]] + [len(sheet)]
    return {key: sheet[start:end] for (start, key), end in zip(starts, ends)}


def rows(section: str) -> list[list[str]]:
    """Return the cells of the provision table rows of a section (never the UNVERIFIED bullet lists)."""
    found = []
    for line in section.splitlines():
        if line.startswith("| ") and "---" not in line and not line.startswith("| Citation"):
            found.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
    return found


def matching_rows(section: str, citation: str) -> list[list[str]]:
    """Return the rows whose citation cell is the citation followed by its basis codes."""
    return [cells for cells in rows(section) if re.match(re.escape(citation) + r"\s*\[", cells[0])]
