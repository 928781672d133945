"""Reading the precedent fact sheet in tests: its sections and provision rows, the only source of precedent facts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FACT_SHEET = Path(__file__).resolve().parents[2] / "shared" / "reference" / "precedents-factsheet.md"
SECTIONS = {
    "armistice-1953": "## 1. ", "paris-1973": "## 2. ", "geneva-1954": "## 3. ", "two-plus-four-1990": "## 4. ",
    "basic-treaty-1972": "## 5. ", "unification-treaty-1990": "## 6. ", "aden-1989": "### 7a. ",
    "sanaa-1990": "### 7b. ", "amman-1994": "### 7c. ", "yemen-unity-1972": "### 7d. ", "stockholm-2018": "### 7e. ",
    "inter-korean-basic-1991": "### 8a. ", "denuclearization-declaration-1992": "### 8b. ",
    "panmunjom-2018": "### 8c. ", "cma-2018": "### 8d. ", "six-party-2005": "### 8e. ",
    "agreed-framework-1994": "### 8f. ", "six-party-initial-actions-2007": "### 8g. ",
    "six-party-second-phase-2007": "### 8h. ", "october-declaration-2007": "### 8i. ", "singapore-2018": "### 8j. ",
    "pyongyang-2018": "### 8k. ",
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
CODE = re.compile(r"\[([TACXS])\]")
EARLIER = re.compile(r"\(earlier ((?:\[[TACXS]\])+)\)")


@dataclass(frozen=True)
class Row:
    """One provision row of the sheet: citation, every basis code (and the earlier ones), topics, the two cells."""

    citation: str
    basis: tuple[str, ...]
    earlier: tuple[str, ...]
    topics: tuple[str, ...]
    parameters: str
    paraphrase: str


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


def parse_row(cells: list[str]) -> Row:
    """Return a row's citation (the words before its first code), its codes strongest first, topics and cells."""
    earlier = EARLIER.search(cells[0])
    current = EARLIER.sub("", cells[0])
    order = "TACXS"
    codes = sorted(dict.fromkeys(CODE.findall(current)), key=order.index)
    citation = CODE.split(current, maxsplit=1)[0].strip()
    old = sorted(dict.fromkeys(CODE.findall(earlier.group(1))), key=order.index) if earlier else []
    topics = tuple(TOPIC_WORDS[word.strip()] for word in cells[1].split(";") if word.strip() in TOPIC_WORDS)
    return Row(citation, tuple(codes), tuple(old), topics, cells[2], cells[-1])


def sheet_rows() -> dict[str, list[Row]]:
    """Return every agreement's provision rows, parsed."""
    return {key: [parse_row(cells) for cells in rows(section)] for key, section in sections().items()}


def matching_rows(section: str, citation: str) -> list[list[str]]:
    """Return the rows whose citation cell is the citation followed by its basis codes."""
    return [cells for cells in rows(section) if re.match(re.escape(citation) + r"\s*\[", cells[0])]


def unverified(section: str) -> list[str]:
    """Return the section's 'UNVERIFIED —' bullets (each joined into one line, without the marker)."""
    found, current = [], None
    for line in section.splitlines():
        if line.startswith("* "):
            current = None
            if line.startswith("* UNVERIFIED — "):
                current = [line[len("* UNVERIFIED — "):].strip()]
                found.append(current)
        elif current is not None and line.startswith("  ") and line.strip():
            current.append(line.strip())
        else:
            current = None
    return [" ".join(parts) for parts in found]
