"""PA-X interop: the agreement-level table of the PA-X Peace Agreements Database as a folder of precedent files.

PA-X (peaceagreements.org) codes each agreement by the topics it addresses; the user downloads its table under
PA-X's own licence. An imported agreement is its PA-X record only: its id, name, date, conflict, region, stage,
type and status, and one provision per PA-X code present that maps to a topic of ours (`pax_codes.yaml`), with
basis code P and no text of the agreement.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ruamel.yaml import YAML

from agreements.drafts import read_text
from clauses.errors import DraftError, InputError, OutputError
from clauses.topics import TOPICS
from precedents.corpus import folders as corpus_folders
from precedents.model import CODED, PrecedentAgreement

CODES_FILE = Path(__file__).resolve().parent / "pax_codes.yaml"
PREFIX = "pax-"  # the id of every imported agreement: pax-<AgtId>
SUMMARY = "pax.json"  # the import's list of its agreements (id, title, date, PA-X classing, topics), read by compare
METADATA = ("AgtId", "Agt", "Dat", "Reg", "Con", "Status", "Agtp", "Stage")  # PA-X column names, spelled as PA-X does
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")  # the codebook's form, then a spreadsheet's day-first re-save
CODE_VALUES = ("", "0", "1", "2", "3")  # the codebook codes 0/1, or 0-3 by level of detail; empty reads as 0
SHORT_TITLE = 80
DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class PaxCode:
    """A PA-X code (a column of its table), what it records, and the topics of ours it speaks to."""

    code: str
    meaning: str
    topics: tuple[str, ...]


@cache
def pax_codes() -> tuple[PaxCode, ...]:
    """Return the PA-X codes peacedraft reads, from pax_codes.yaml; a topic it does not know is an error."""
    data = YAML(typ="safe").load(CODES_FILE.read_text(encoding="utf-8"))
    codes = tuple(PaxCode(item["code"], item["meaning"], tuple(item["topics"])) for item in data["codes"])
    unknown = sorted({topic for code in codes for topic in code.topics} - set(TOPICS))
    if unknown:
        raise InputError(f"{CODES_FILE}: unknown topics {', '.join(unknown)}", "PD-E171")
    return codes


@dataclass(frozen=True)
class PaxTable:
    """The rows of a PA-X table, with the header's own spelling of each column peacedraft reads."""

    path: str
    columns: dict[str, str]  # the codebook's name → the header's name (matched without regard to case)
    rows: list[tuple[int, dict[str, str]]]  # (line number, row)

    def value(self, row: dict[str, str], name: str) -> str:
        """Return a cell by the codebook's column name, stripped."""
        return (row.get(self.columns[name]) or "").strip()


def read_table(path: str) -> PaxTable:
    """Return a PA-X CSV table, or raise one line naming the columns it lacks."""
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    by_lower = {name.lower(): name for name in header}
    wanted = [*METADATA, *(code.code for code in pax_codes())]
    missing = [name for name in wanted if name.lower() not in by_lower]
    if missing:
        raise DraftError.at(path, 1, 1, _missing_message(missing, header, wanted), code="PD-E170")
    rows = [(reader.line_num, row) for row in reader]
    return PaxTable(path, {name: by_lower[name.lower()] for name in wanted}, rows)


def _missing_message(missing: list[str], header: list[str], wanted: list[str]) -> str:
    """Return 'not a PA-X agreement table: missing columns …', with a few columns it has that are not read."""
    known = {name.lower() for name in wanted}
    unknown = [name for name in header if name.lower() not in known]
    shown = ", ".join(unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
    others = f" (columns not read: {shown})" if unknown else ""
    return f"not a PA-X agreement table: missing columns {', '.join(missing)}{others}"


def _date(text: str, table: PaxTable, line: int, key: str) -> str:
    """Return a PA-X date (YYYY-MM-DD or DD/MM/YYYY) as ISO, or raise a located error."""
    for form in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    raise DraftError.at(table.path, line, 1, f"Dat {text!r} is not a date (YYYY-MM-DD or DD/MM/YYYY)", key,
                        code="PD-E171")


def _present(text: str, code: str, table: PaxTable, line: int, key: str) -> bool:
    """Return whether a PA-X code cell says the topic is present (1, 2 or 3; 0 or empty: absent); raise otherwise."""
    if text not in CODE_VALUES:
        raise DraftError.at(table.path, line, 1, f"{code} {text!r} is not a PA-X code value (0 to 3, 0 for absent)",
                            key, code="PD-E171")
    return text not in ("", "0")


def _short_title(key: int, name: str) -> str:
    """Return 'PA-X 1234: Name…' cut to the corpus's length for a short title."""
    title = f"PA-X {key}: {name}"
    return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1].rstrip() + "…"


def agreement_data(table: PaxTable, line: int, row: dict[str, str]) -> dict:
    """Return one row as the data of a precedent file: the PA-X record and a provision per code present."""
    number = table.value(row, "AgtId")
    if not DIGITS.match(number):
        raise DraftError.at(table.path, line, 1, f"AgtId {number!r} is not a PA-X agreement number", code="PD-E171")
    key = f"{PREFIX}{int(number)}"
    name = table.value(row, "Agt") or f"PA-X agreement {int(number)}"
    present = [code for code in pax_codes() if _present(table.value(row, code.code), code.code, table, line, key)]
    coding = {"id": int(number), "country": table.value(row, "Con") or None, "region": table.value(row, "Reg") or None,
              "stage": table.value(row, "Stage") or None, "type": table.value(row, "Agtp") or None,
              "status": table.value(row, "Status") or None, "codes": [code.code for code in present]}
    facts = "; ".join(f"{label} {coding[field]}" for label, field in
                      (("conflict", "country"), ("region", "region"), ("stage", "stage"), ("type", "type"),
                       ("status", "status")) if coding[field])
    return {"id": key, "title": name, "short_title": _short_title(int(number), name),
            "date": _date(table.value(row, "Dat"), table, line, key), "region": "other",
            "context": f"As coded in the PA-X Peace Agreements Database (AgtId {int(number)}): {facts or 'no details'}.",
            "provisions": [_provision(key, code) for code in present], "pax": coding}


def _provision(key: str, code: PaxCode) -> dict:
    """Return the provision a PA-X code present stands for: its topics, basis P, the code's meaning only."""
    return {"id": f"{key}.{code.code.lower()}", "citation": f"PA-X code {code.code}", "basis": [CODED],
            "topics": list(code.topics), "parameters": {"as_stated": f"{code.code} present"},
            "paraphrase": f"PA-X codes the agreement as addressing {code.meaning}."}


@dataclass(frozen=True)
class Imported:
    """What an import wrote: the folder, the agreements, and per topic how many of them address it."""

    folder: str
    agreements: int
    by_topic: dict[str, int]


def import_pax(path: str, folder: str) -> Imported:
    """Turn a PA-X table into a folder of precedent files (pax-<AgtId>.yaml), written all or none."""
    table = read_table(path)
    files: dict[str, bytes] = {}
    records: list[dict] = []
    for line, row in table.rows:
        data = agreement_data(table, line, row)
        if f"{data['id']}.yaml" in files:
            raise DraftError.at(path, line, 1, "the AgtId is given twice", data["id"], code="PD-E171")
        PrecedentAgreement.model_validate(data)
        files[f"{data['id']}.yaml"] = _yaml(data)
        records.append(_record(data))
    if not files:
        raise DraftError.at(path, 2, 1, "the table has no agreements", code="PD-E171")
    summary = json.dumps({"agreements": records}, ensure_ascii=False, indent=0, sort_keys=True)
    _write_folder(Path(folder), {**files, SUMMARY: summary.encode("utf-8")})
    by_topic = {topic: sum(topic in record["topics"] for record in records) for topic in TOPICS}
    return Imported(folder, len(files), {topic: count for topic, count in by_topic.items() if count})


def _record(data: dict) -> dict:
    """Return what the summary keeps of an imported agreement: id, title, date, PA-X classing, its topics."""
    topics = {topic for provision in data["provisions"] for topic in provision["topics"]}
    coding = data["pax"]
    return {"id": data["id"], "title": data["title"], "date": data["date"], "region": coding["region"] or "",
            "type": coding["type"] or "", "stage": coding["stage"] or "",
            "topics": [topic for topic in TOPICS if topic in topics]}


def _yaml(data: dict) -> bytes:
    """Return a precedent file's data as YAML: block keys, each value a JSON scalar or flow collection (valid YAML)."""
    lines = []
    for key, value in data.items():
        if key != "provisions" or not value:
            lines.append(f"{key}: {_flow(value)}")
            continue
        lines.append("provisions:")
        for provision in value:
            lines += [("  - " if place == 0 else "    ") + f"{name}: {_flow(item)}"
                      for place, (name, item) in enumerate(provision.items())]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _flow(value: object) -> str:
    """Return a value as JSON, which YAML reads as the same scalar, list or mapping."""
    return json.dumps(value, ensure_ascii=False)


def _write_folder(folder: Path, files: dict[str, bytes]) -> None:
    """Write the files as the folder, all or none: into a new sibling folder first, then renamed into place.

    A folder already there may hold only an earlier import (pax-*.yaml, pax.json); it is replaced whole.
    """
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{folder}: folder {parent} does not exist", "PD-E051")
    _check_replaceable(folder)
    try:
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}.", suffix=".tmp"))
    except OSError as error:
        raise OutputError(f"{folder}: cannot write: {error.strerror}", "PD-E052") from None
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        os.chmod(staging, 0o755)
        _swap(staging, folder)
    except OSError as error:
        raise OutputError(f"{folder}: cannot write: {error.strerror}", "PD-E052") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_replaceable(folder: Path) -> None:
    """Refuse a path that is a file, or a folder holding anything but an earlier PA-X import."""
    if not folder.exists():
        return
    if not folder.is_dir():
        raise OutputError(f"{folder}: not a folder", "PD-E172")
    others = sorted(path.name for path in folder.iterdir()
                    if not (path.name == SUMMARY or (path.name.startswith(PREFIX) and path.suffix == ".yaml")))
    if others:
        raise OutputError(f"{folder}: holds files that are not a PA-X import ({', '.join(others[:3])}); "
                          "give a new or empty folder", "PD-E172")


def _swap(staging: Path, folder: Path) -> None:
    """Rename the staged folder onto the target; an earlier import there is moved aside, then removed."""
    if not folder.exists():
        os.rename(staging, folder)
        return
    old = folder.with_name(f".{folder.name}.{secrets.token_hex(6)}.old.tmp")
    os.rename(folder, old)
    try:
        os.rename(staging, folder)
    except OSError:
        os.rename(old, folder)
        raise
    shutil.rmtree(old, ignore_errors=True)

DRAFT_REGION = "Asia and Pacific"  # a value of Reg in PA-X tables, the one for Asia (see docs/precedents.md)
DRAFT_TYPE = "Inter"  # Agtp: interstate agreement and conflict (the codebook's example: North/South Korea)
CLOSEST = 10


@dataclass(frozen=True)
class PaxRecord:
    """An imported agreement as the overview needs it: id, name, date, PA-X classing and the topics it addresses."""

    id: str
    title: str
    date: str
    region: str
    type: str
    stage: str
    topics: frozenset[str]

    def to_json(self, shared: list[str]) -> dict:
        """Return the record as JSON data, with the draft's topics it addresses."""
        return {"id": self.id, "title": self.title, "date": self.date, "region": self.region, "type": self.type,
                "stage": self.stage, "topics_shared": shared}


def pax_records(folders: list[Path]) -> list[PaxRecord]:
    """Return the PA-X agreements imported into the folders, from each folder's summary (pax.json)."""
    records = []
    for folder in folders:
        path = folder / SUMMARY
        if not path.is_file():
            continue
        try:
            items = json.loads(path.read_text(encoding="utf-8"))["agreements"]
            records += [PaxRecord(item["id"], item["title"], item["date"], item["region"], item["type"],
                                  item["stage"], frozenset(item["topics"])) for item in items]
        except (ValueError, KeyError, TypeError):
            raise DraftError.at(str(path), 1, 1, "not the summary of a PA-X import: import the table again",
                                code="PD-E171") from None
    return records


@dataclass(frozen=True)
class PaxOverview:
    """The draft's topics against the PA-X agreements: how many address each, and the closest agreements."""

    agreements: int
    by_topic: dict[str, int]
    closest: list[tuple[PaxRecord, list[str]]]

    def to_json(self) -> dict:
        """Return the overview as JSON data."""
        return {"agreements": self.agreements, "topics": self.by_topic, "region": DRAFT_REGION, "type": DRAFT_TYPE,
                "closest": [record.to_json(shared) for record, shared in self.closest]}

    def lines(self) -> list[str]:
        """Return the overview as text: a line per topic of the draft, then the closest agreements."""
        lines = ["", f"PA-X: {self.agreements:,} agreements coded (basis [{CODED}]: coding only, no text)"]
        lines += [f"  {topic}: {count:,} of {self.agreements:,} address it" for topic, count in self.by_topic.items()]
        lines += [f"  Closest (most of the draft's topics, then {DRAFT_REGION}, then type {DRAFT_TYPE}):"]
        lines += [f"    {record.id} {record.title} ({record.date}) — {record.region or '?'}, {record.type or '?'}, "
                  f"{record.stage or '?'}: {len(shared)} of the draft's topics ({', '.join(shared)})"
                  for record, shared in self.closest] or ["    (none addresses a topic of the draft)"]
        return lines


def corpus_overview(draft_topics: list[str], extra: list[str] | None = None) -> PaxOverview | None:
    """Return the overview of the PA-X agreements in the user's corpus folders (PEACEDRAFT_CORPUS and extra)."""
    return pax_overview(draft_topics, corpus_folders(extra)[1:])


def pax_overview(draft_topics: list[str], folders: list[Path]) -> PaxOverview | None:
    """Return the draft's topics against the PA-X agreements imported in the folders, or None when there are none."""
    records = pax_records(folders)
    if not records:
        return None
    wanted = [topic for topic in TOPICS if topic in set(draft_topics)]
    by_topic = {topic: sum(topic in record.topics for record in records) for topic in wanted}
    scored = [(record, [topic for topic in wanted if topic in record.topics]) for record in records]
    scored = [(record, shared) for record, shared in scored if shared]
    scored.sort(key=lambda pair: (-len(pair[1]), pair[0].region.lower() != DRAFT_REGION.lower(),
                                  pair[0].type.lower() != DRAFT_TYPE.lower(), _newest_first(pair[0].date)))
    return PaxOverview(len(records), by_topic, scored[:CLOSEST])


def _newest_first(date: str) -> str:
    """Return a sort key that puts later ISO dates first."""
    return "".join(chr(0x7F - ord(character)) for character in date)
