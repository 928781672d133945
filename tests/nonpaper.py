"""What a non-paper must not hold, and every text of a file or folder of outputs to look for it in."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from agreements.drafts import load_agreement
from agreements.examples import example_bytes
from agreements.model import Agreement
from agreements.tree import iter_models
from clauses.base import Node
from clauses.languages import language

LANGUAGES = ("en", "ko", "zh")
NEUTRAL_AUTHORS = {language(lang).phrase("non_paper_author") for lang in LANGUAGES}
AUTHOR_VALUES = re.compile(r'w:author="([^"]*)"|<dc:creator>([^<]*)</dc:creator>|'
                           r"<cp:lastModifiedBy>([^<]*)</cp:lastModifiedBy>")
ATTRIBUTION_KEYS = re.compile(r'"(?:proposed_by|positions|proposers|note)": *[\[{"]')  # a count is not one


def example(name: str, folder: Path) -> Path:
    """Return the path of a shipped example round written into a folder."""
    path = folder / f"{name}.yaml"
    path.write_bytes(example_bytes(name))
    return path


def rounds(folder: Path) -> list[Agreement]:
    """Return the shipped rounds 1 and 2, loaded."""
    return [load_agreement(str(example(name, folder))) for name in ("round-1", "round-2")]


def party_names(agreements: list[Agreement]) -> set[str]:
    """Return every party's full and short names in every language."""
    return {name for agreement in agreements for party in agreement.parties
            for names in (party.names, party.short_names or {}) for name in names.values()}


def attribution_patterns(agreements: list[Agreement]) -> set[str]:
    """Return how a party is named as a proposer or a position holder, in every language ('(China)]', '(대한민국 제안)')."""
    found = set()
    for name in party_names(agreements):
        for lang in LANGUAGES:
            words = language(lang)
            label = words.phrase("option_label", option="\x01", proposers=name, text="\x02")
            found |= {label.split("\x01", 1)[1].split("\x02")[0],
                      words.phrase("inline_option", text="\x02", proposers=name).split("\x02", 1)[1],
                      words.phrase("proposed_by", proposers=name),
                      words.phrase("position", party=name, stance="\x03").split("\x03")[0] + words.term(
                          "support", "stances")}
    return found


def attributed_notes(agreements: list[Agreement]) -> set[str]:
    """Return the texts of the drafters' notes and of the notes on the parties' positions."""
    notes = set()
    for agreement in agreements:
        for visit in iter_models(agreement):
            if isinstance(visit.model, Node):
                notes |= {visit.model.note} if visit.model.note else set()
                notes |= {position.note for position in visit.model.positions.values() if position.note}
    return notes


def texts(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every part of every file under a path: each XML part of a .docx, each text file."""
    for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
        if file.suffix == ".docx":
            with zipfile.ZipFile(file) as archive:
                for name in archive.namelist():
                    if name.endswith((".xml", ".rels")):
                        yield f"{file.name}:{name}", archive.read(name).decode("utf-8")
        elif file.suffix in (".txt", ".json", ".md", ".yaml"):
            yield file.name, file.read_text(encoding="utf-8")


def attributions(path: Path, agreements: list[Agreement]) -> list[str]:
    """Return every attribution found under a path: proposer and position labels, notes, named authors."""
    patterns, notes = attribution_patterns(agreements), attributed_notes(agreements)
    found = []
    for where, text in texts(path):
        plain = re.sub(r"<[^>]+>", "", text)
        found += [f"{where}: {pattern!r}" for pattern in patterns if pattern in plain]
        found += [f"{where}: note {note[:30]!r}" for note in notes if note in plain]
        found += [f"{where}: author {author!r}" for groups in AUTHOR_VALUES.findall(text) for author in groups
                  if author and author not in NEUTRAL_AUTHORS]
        found += [f"{where}: {key}" for key in ATTRIBUTION_KEYS.findall(text)]
    return found


def headers(docx: Path) -> list[str]:
    """Return the text of every header part a section of a Word file refers to (one entry per reference)."""
    with zipfile.ZipFile(docx) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
        relations = archive.read("word/_rels/document.xml.rels").decode("utf-8")
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', relations))
        targets |= {key: value for value, key in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', relations)}
        sections = re.findall(r"<w:sectPr.*?</w:sectPr>", document, re.S)
        refs = [ref for section in sections for ref in re.findall(r'<w:headerReference [^>]*r:id="(rId\d+)"', section)]
        assert sections and len(refs) >= len(sections), "a section has no header"
        return ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", archive.read(f"word/{targets[ref]}").decode("utf-8")))
                for ref in refs]
