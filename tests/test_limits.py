"""Every limit in docs/limits.md, at its value (accepted) and just above it (refused with its message)."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pydantic import TypeAdapter, ValidationError

from agreements import yamlsource
from agreements.schedule import chart as timeline_chart
from agreements.drafts import MAX_FILE_BYTES, load_agreement, parse_agreement
from clauses.errors import DraftError, InputError, OutputError
from clauses.languages import LANGUAGES
from agreements.model import Agreement
from agreements.package import manifest
from agreements.schedule.timeline import schedule
from agreements.diff.versions import load_version
from agreements.wordimport import alignment, safety
from agreements.wordimport.importer import import_word
from agreements.yamlsource import read_yaml
from cli import main
from clauses.base import MAX_DAYS, MAX_TEXT
from clauses.library import LibraryOption, library
from clauses.registry import Clause
from clauses.rendering import render_template
from precedents.corpus import load_file
from precedents.model import PrecedentAgreement
from tests.agreements.wordimport.test_safety import deflated_entry, raw_zip, word_parts, write_zip
from tests.clauses.test_kinds import SAMPLES
from tests.conftest import BASE_DRAFT

ROOT = Path(__file__).resolve().parent.parent
MIB = 1 << 20
BASE = BASE_DRAFT.read_text(encoding="utf-8")
CLAUSE = TypeAdapter(Clause)


def padded(size: int) -> bytes:
    """Return the base draft with comment lines appended up to exactly size bytes."""
    head = BASE.encode()
    line = b"#" + b" padding" * 127 + b"\n"
    room = size - len(head)
    body = line * (room // len(line))
    return head + body + b"#" + b" " * (room - len(body) - 2) + b"\n"


def test_the_documented_values_are_the_code_s():
    """The values the other tests take from the code are those docs/limits.md states."""
    doc = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    values = {"16 MiB": MAX_FILE_BYTES == 16 * MIB, "64": yamlsource.MAX_DEPTH == 64,
              "2,000,000": yamlsource.MAX_VALUES == 2_000_000, "20,000": MAX_TEXT == 20_000, "7,305": MAX_DAYS == 7305,
              "50 MiB": safety.MAX_FILE_BYTES == 50 * MIB, "1,000": safety.MAX_MEMBERS == 1000,
              "100 MiB": safety.MAX_TOTAL_BYTES == 100 * MIB, "200": safety.MAX_RATIO == 200,
              "32 MiB": safety.MAX_XML_PART_BYTES == 32 * MIB, "1,000,000": safety.MAX_XML_ELEMENTS == 1_000_000,
              "50,000": safety.MAX_PARAGRAPHS == 50_000, "256": safety.MAX_DEPTH == 256,
              "512": safety.HEAD_CHARS == 512, "4 MiB": manifest.MAX_MANIFEST_BYTES == 4 * MIB,
              "10,000": manifest.MAX_ZIP_MEMBERS == 10_000, "400": timeline_chart.MAX_HEIGHT == 400,
              "250,000": alignment.MAX_PAIRS == 250_000}
    assert all(values.values()), [text for text, same in values.items() if not same]
    assert all(f"| {text}" in doc for text in values)


# --- draft files ---------------------------------------------------------------------------------------------

def test_draft_file_size(tmp_path, monkeypatch):
    """A draft of 16 MiB loads, from a file or from git (REV:PATH); one byte more is refused."""
    monkeypatch.chdir(tmp_path)
    for name, size in (("at.yaml", MAX_FILE_BYTES), ("above.yaml", MAX_FILE_BYTES + 1)):
        Path(name).write_bytes(padded(size))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "limits"]):
        subprocess.run([*git, *command], check=True)
    for load, prefix in ((load_agreement, ""), (load_version, "HEAD:")):
        assert load(prefix + "at.yaml").meta.round == 1
        with pytest.raises(DraftError, match="file is 16,777,217 bytes; a draft may be at most 16,777,216"):
            load(prefix + "above.yaml")


YAML_LIMITS = {  # text at the limit, just above it, message (MAX_VALUES is lowered to 50 for its test)
    "nesting": ("[" * 64 + "]" * 64, "[" * 65 + "]" * 65, "nested deeper than 64 levels"),
    "values": ("a: [" + "0," * 48 + "]", "a: [" + "0," * 49 + "]", "more than 50 values: too large for a draft"),
    "digits": ("a: " + "7" * 4300, "a: " + "7" * 4301, r"number too long \(more than 4300 digits\)"),
}


@pytest.mark.parametrize("limit", sorted(YAML_LIMITS))
def test_yaml_limits(limit, monkeypatch):
    """64 levels of nesting, MAX_VALUES values (root included) and 4,300 digits are read; one more is refused."""
    if limit == "values":
        monkeypatch.setattr(yamlsource, "MAX_VALUES", 50)
    at, above, message = YAML_LIMITS[limit]
    assert read_yaml(at, "f")[0]
    with pytest.raises(DraftError, match=message):
        read_yaml(above, "f")


def test_reported_problems(tmp_path):
    """20 problems are reported one by one; from 21, the 20 first and a count of the rest."""
    def with_bad_parties(count: int) -> list[str]:
        extra = "".join(f"  - {{id: p{n}, names: {{en: P}}, role: king}}\n" for n in range(count))
        with pytest.raises(DraftError) as caught:
            parse_agreement(BASE.replace("bodies:\n", extra + "bodies:\n", 1), "d.yaml")
        return [str(problem) for problem in caught.value.problems]

    assert len(with_bad_parties(20)) == 20 and "more errors" not in with_bad_parties(20)[-1]
    assert len(with_bad_parties(21)) == 21 and "… and 1 more errors" in with_bad_parties(21)[-1]


DRAFT_FIELDS = {  # what is replaced in the base draft, by what at the limit and above it, and the message above
    "text": ("{en: Test Peace Agreement,", "{en: " + "x" * MAX_TEXT + ",", "{en: " + "x" * (MAX_TEXT + 1) + ",",
             "at most 20000 characters"),
    "id length": ("id: pullback.distance\n", "id: " + "a" * 120 + "\n", "id: " + "a" * 121 + "\n",
                  "at most 120 characters"),
    "deadline days": ("days: 90}", f"days: {MAX_DAYS}}}", f"days: {MAX_DAYS + 1}}}", "less than or equal to 7305"),
    "round": ("round: 1\n", "round: 999\n", "round: 1000\n", "less than or equal to 999"),
    "version": ("version: R1", "version: " + "v" * 40, "version: " + "v" * 41, "at most 40 characters"),
    "languages": ("languages: [en, ko, zh]", f"languages: [{', '.join(LANGUAGES)}]",
                  f"languages: [{', '.join(LANGUAGES)}, en]", f"at most {len(LANGUAGES)} items"),
    "pullback_km": ("pullback_km: 10\n", "pullback_km: 100\n", "pullback_km: 100.001\n", "less than or equal to 100"),
    "zone width_km": ("width_km: 4", "width_km: 100", "width_km: 100.001", "less than or equal to 100"),
}


@pytest.mark.parametrize("field", sorted(DRAFT_FIELDS))
def test_draft_field_limits(field):
    """Each bounded field of a draft loads at its limit and is refused just above it."""
    old, at, above, message = DRAFT_FIELDS[field]
    assert BASE.count(old) == 1
    parse_agreement(BASE.replace(old, at), "d.yaml")
    with pytest.raises(DraftError, match=message):
        parse_agreement(BASE.replace(old, above), "d.yaml")


IDS = {"a": True, "'0'": True, "a.b": True, "a-b_c.d0": True, "x" * 120: True,
       "A": False, ".a": False, "a.": False, "a..b": False, "-a": False, "a.-b": False, "é": False}


@pytest.mark.parametrize(("node_id", "valid"), IDS.items())
def test_what_an_id_holds(node_id, valid):
    """Lower-case letters, digits, '-', '_' and dots between parts make an id; anything else is refused."""
    text = BASE.replace("id: pullback.distance\n", f"id: {node_id}\n")
    if valid:
        parse_agreement(text, "d.yaml")
    else:
        with pytest.raises(DraftError, match="is not an id: use a-z, 0-9, '-', '_' and dots"):
            parse_agreement(text, "d.yaml")


CLAUSE_FIELDS = {  # kind, where the value goes, the limit, just above it
    "personnel_ceiling": ("foreign_forces", lambda v: {"personnel_ceiling": v}, 1_000_000, 1_000_001),
    "ceilings.maximum": ("force_reduction_and_redeployment",
                         lambda v: {"ceilings": [{"party": "rok", "category": "artillery", "maximum": v}]},
                         10_000_000, 10_000_001),
    "cash_threshold_usd": ("border_controls", lambda v: {"cash_threshold_usd": v}, 100_000_000, 100_000_001),
    "within_days": ("dispute_resolution", lambda v: {"ladder": [{"mechanism": "consultation", "within_days": v}]},
                    3650, 3651),
    "notice_hours": ("verification", lambda v: {"notice_hours": v}, 8760, 8761),
    "report_every_days": ("verification", lambda v: {"report_every_days": v}, 3650, 3651),
    "area_km2": ("dmz_demining", lambda v: {"phases": [{"id": "p1", "zones": ["dmz"], "area_km2": v, "deadline": {}}]},
                 1000, 1000.001),
}


@pytest.mark.parametrize("field", sorted(CLAUSE_FIELDS))
def test_clause_parameter_limits(field):
    """Each bounded clause parameter is valid at its maximum and refused just above it."""
    kind, shape, at, above = CLAUSE_FIELDS[field]
    CLAUSE.validate_python({"id": "n1", "kind": kind, **SAMPLES[kind], **shape(at)})
    with pytest.raises(ValidationError, match=f"less than or equal to {at}"):
        CLAUSE.validate_python({"id": "n1", "kind": kind, **SAMPLES[kind], **shape(above)})


# --- precedent corpus and clause library ---------------------------------------------------------------------

PROVISION = {"id": "p.one", "citation": "Art. 1", "basis": "S", "topics": ["foreign_forces"], "paraphrase": "Go."}
PRECEDENT = {"id": "mine", "title": "Mine", "short_title": "Mine", "date": "1990-01-01", "region": "korea",
             "context": "Test.", "provisions": [PROVISION]}
MODEL_FIELDS = {  # a user's precedent file, the shipped library: model, where, at the limit, above it, message
    "paraphrase": (PrecedentAgreement, "provisions.0.paraphrase", "x" * 4000, "x" * 4001, "at most 4000 characters"),
    "title": (PrecedentAgreement, "title", "x" * 4000, "x" * 4001, "at most 4000 characters"),
    "citation": (PrecedentAgreement, "provisions.0.citation", "x" * 120, "x" * 121, "at most 120 characters"),
    "short_title": (PrecedentAgreement, "short_title", "x" * 80, "x" * 81, "at most 80 characters"),
    "quantity": (PrecedentAgreement, "provisions.0.parameters.quantities",
                 [{"measure": "withdrawal_days", "value": 10_000_000}],
                 [{"measure": "withdrawal_days", "value": 10_000_001}], "equal to 10000000"),
    "option id": (LibraryOption, "id", "a/" + "b" * 78, "a/" + "b" * 79, "at most 80 characters"),
    "option title": (LibraryOption, "title", "x" * 200, "x" * 201, "at most 200 characters"),
    "rationale": (LibraryOption, "rationale", "x" * 4000, "x" * 4001, "at most 4000 characters"),
    "citation provision": (LibraryOption, "citations.0.provision", "x" * 120, "x" * 121, "at most 120 characters"),
    "citation relevance": (LibraryOption, "citations.0.relevance", "x" * 2000, "x" * 2001, "at most 2000 characters"),
}


def with_value(model, where: str, value) -> dict:
    """Return valid data of a precedent or of a library option with the value at a dotted path."""
    data = json.loads(json.dumps(PRECEDENT) if model is PrecedentAgreement else
                      next(option for option in library().values() if option.citations).model_dump_json())
    *path, last = [int(key) if key.isdigit() else key for key in where.split(".")]
    holder = data
    for key in path:
        holder = holder.setdefault(key, {}) if isinstance(holder, dict) else holder[key]
    holder[last] = value
    return data


@pytest.mark.parametrize("field", sorted(MODEL_FIELDS))
def test_precedent_and_library_limits(field):
    """Precedent files (users') and library options (maintainers') are valid at each limit, refused just above."""
    model, where, at, above, message = MODEL_FIELDS[field]
    model.model_validate(with_value(model, where, at))
    with pytest.raises(ValidationError, match=message):
        model.model_validate(with_value(model, where, above))


def test_a_precedent_file_is_checked_on_loading(tmp_path):
    """The bounds apply when a precedent file is read: one character too many is a located error."""
    (tmp_path / "ok.yaml").write_text(json.dumps(with_value(PrecedentAgreement, "title", "x" * 4000)))
    (tmp_path / "no.yaml").write_text(json.dumps(with_value(PrecedentAgreement, "title", "x" * 4001)))
    assert load_file(tmp_path / "ok.yaml").id == "mine"
    with pytest.raises(DraftError, match=r"no.yaml:1:\d+: mine: title: string should have at most 4000 characters"):
        load_file(tmp_path / "no.yaml")


def test_search_result_limit(tmp_path, monkeypatch):
    """`precedents search --limit` takes 500 and refuses 501."""
    monkeypatch.setenv("PEACEDRAFT_CACHE", str(tmp_path))
    assert CliRunner().invoke(main, ["precedents", "search", "troops", "--limit", "500"]).exit_code == 0
    result = CliRunner().invoke(main, ["precedents", "search", "troops", "--limit", "501"])
    assert result.exit_code == 2 and "501 is not in the range 1<=x<=500" in result.stderr


def test_template_range(tmp_path):
    """A user template may loop over range(100000); range(100001) is stopped by the sandbox."""
    (tmp_path / "text.en.j2").write_text("{{ range(N)|length }}")
    assert render_template("text", "en", {"N": 100_000}, tmp_path) == "100000"
    with pytest.raises(Exception, match=r"MAX_RANGE \(100000\)"):
        render_template("text", "en", {"N": 100_001}, tmp_path)


def test_timeline_chart_height(monkeypatch):
    """A chart exactly MAX_HEIGHT inches tall is drawn; a taller one is refused (checked at the base draft's height)."""
    timeline = schedule(load_agreement(str(BASE_DRAFT)))
    height = timeline_chart._figure(timeline).get_figheight()
    monkeypatch.setattr(timeline_chart, "MAX_HEIGHT", height)
    assert timeline_chart.chart_svg(timeline).startswith(b"<?xml")
    monkeypatch.setattr(timeline_chart, "MAX_HEIGHT", height - 1e-6)
    with pytest.raises(OutputError, match="rows, too many to chart"):
        timeline_chart.chart_svg(timeline)


# --- packages ------------------------------------------------------------------------------------------------

def manifest_of(size: int) -> bytes:
    """Return an empty but valid manifest.json padded with spaces to size bytes."""
    text = json.dumps({"format": manifest.FORMAT, "files": []}).encode()
    return text + b" " * (size - len(text))


def packages(tmp_path: Path, size: int) -> tuple[Path, Path]:
    """Return a package folder and a package zip holding nothing but a manifest of size bytes."""
    folder = tmp_path / f"pkg{size}"
    folder.mkdir()
    (folder / "manifest.json").write_bytes(manifest_of(size))
    return folder, write_zip(tmp_path / f"pkg{size}.zip", {f"pkg{size}/manifest.json": manifest_of(size)})


def test_manifest_size(tmp_path):
    """A manifest of 4 MiB is read, in a folder and in a zip; one byte more is refused."""
    for package in packages(tmp_path, manifest.MAX_MANIFEST_BYTES):
        assert manifest.verify(str(package))[1] == []
    for package in packages(tmp_path, manifest.MAX_MANIFEST_BYTES + 1):
        with pytest.raises(InputError, match="manifest.json: larger than 4,194,304 bytes"):
            manifest.verify(str(package))


def test_zip_package_entries(tmp_path):
    """A package zip of 10,000 entries is checked; 10,001 are refused."""
    members = {"pkg/manifest.json": manifest_of(100)} | {f"pkg/f{n}": b"" for n in range(manifest.MAX_ZIP_MEMBERS - 1)}
    _, found = manifest.verify(str(write_zip(tmp_path / "at.zip", members)))
    assert len(found) == manifest.MAX_ZIP_MEMBERS - 1 and {item.problem for item in found} == {"extra"}
    with pytest.raises(InputError, match="more than 10,000 entries: not a peacedraft package"):
        manifest.verify(str(write_zip(tmp_path / "above.zip", members | {"pkg/one-more": b""})))


# --- Word files from outside ---------------------------------------------------------------------------------

def refused(path: Path, message: str) -> None:
    """Check that open_word refuses a file with a message."""
    with pytest.raises(InputError, match=message):
        safety.open_word(str(path))


def test_word_file_size(tmp_path):
    """A file of 50 MiB passes the size check (and fails the next); one byte more is refused for its size."""
    path = tmp_path / "big.docx"
    path.touch()
    os.truncate(path, safety.MAX_FILE_BYTES)
    refused(path, r"not a Word document \(not a zip file\)")
    os.truncate(path, safety.MAX_FILE_BYTES + 1)
    refused(path, "the file is 52,428,801 bytes; the limit is 50 MiB")


def at_and_above(build, message: str) -> None:
    """Open the Word file built at a limit (build(0)); check the one a step above (build(1)) is refused."""
    safety.open_word(str(build(0)))
    refused(build(1), message)


def letters(size: int) -> bytes:
    """Return size bytes of a 16 KiB block of random letters repeated (deflate shrinks it about 80 times)."""
    block = bytes(random.Random(1).choices(b"abcdefghijklmnopqrstuvwxyz", k=16384))
    return (block * (size // len(block) + 1))[:size]


def stored_parts() -> list[dict]:
    """Return the members of a minimal .docx as raw_zip entries, stored."""
    return [{"name": name, "data": data, "size": len(data), "method": 0} for name, data in word_parts("<w:p/>").items()]


def with_members(extra: int) -> dict[str, bytes]:
    """Return the parts of a minimal .docx padded with empty members to MAX_MEMBERS (+ extra)."""
    parts = word_parts("<w:p/>")
    return parts | {f"word/media/m{n}.bin": b"" for n in range(safety.MAX_MEMBERS - len(parts) + extra)}


def nested(levels: int) -> dict[str, bytes]:
    """Return the parts of a .docx whose XML is nested so many levels deep (document, body and p included)."""
    inner = levels - 3
    return word_parts("<w:p>" + "<w:r>" * inner + "</w:r>" * inner + "</w:p>")


def declared(length: int) -> dict[str, bytes]:
    """Return the parts of a .docx whose [Content_Types].xml starts with an XML declaration of length characters."""
    parts, start = word_parts("<w:p/>"), '<?xml version="1.0" encoding="UTF-8"'
    declaration = start + " " * (length - len(start) - 2) + "?>"
    parts["[Content_Types].xml"] = declaration.encode() + parts["[Content_Types].xml"].split(b"?>", 1)[1]
    return parts


WORD_FILES = {  # the members of a .docx at the limit (extra 0) and above it (extra 1), and the message above
    "members": (with_members, "the zip has 1,001 members; the limit is 1,000"),
    "xml part": (lambda extra: word_parts("<w:p/>") | {
        "customXml/item1.xml": b"<a>" + letters(safety.MAX_XML_PART_BYTES - 7 + extra) + b"</a>"},
        "customXml/item1.xml expands to more than 32 MiB; the limit is 32 MiB for an XML part"),
    "paragraphs": (lambda extra: word_parts("<w:p/>" * (safety.MAX_PARAGRAPHS + extra)),
                   "word/document.xml has 50,001 paragraphs; the limit is 50,000"),
    "nesting": (lambda extra: nested(safety.MAX_DEPTH + extra), "XML nested deeper than 256 levels; the limit is 256"),
    "declaration": (lambda extra: declared(safety.HEAD_CHARS + extra),
                    r"\[Content_Types\].xml has an XML declaration longer than 512 characters"),
}


@pytest.mark.parametrize("limit", sorted(WORD_FILES))
def test_word_file_limits(limit, tmp_path):
    """Members, size of an XML part, paragraphs, nesting, XML declaration: open at the limit, refused above."""
    members, message = WORD_FILES[limit]
    at_and_above(lambda extra: write_zip(tmp_path / f"{extra}.docx", members(extra)), message)


def test_word_total_size(tmp_path):
    """Members expanding to 100 MiB together open; one byte more is refused."""
    parts = word_parts("<w:p/>")
    path = write_zip(tmp_path / "t.docx", parts | {
        "word/media/pad.bin": letters(safety.MAX_TOTAL_BYTES - sum(map(len, parts.values())))})

    def build(extra: int) -> Path:
        if extra:
            with zipfile.ZipFile(path, "a") as archive:
                archive.writestr("word/media/one.bin", b"x")
        return path

    at_and_above(build, "the zip expands to more than 100 MiB; the limit is 100 MiB for all members together")


def test_word_ratio(tmp_path):
    """A member expanding exactly 200 times its compressed size opens; one compressed byte less is refused."""
    def build(extra: int) -> Path:
        compressed = 65536 * 25 // safety.MAX_RATIO - extra
        entry = deflated_entry("word/media/zeros.bin", ((b"\0" * 65536, 25),))
        entry |= {"data": entry["data"].ljust(compressed, b"\0"), "csize": compressed}
        return raw_zip(tmp_path / f"r{extra}.docx", stored_parts() + [entry])

    at_and_above(build, r"word/media/zeros.bin expands more than 200 times its compressed size \(a zip bomb\)")


def test_word_ratio_floor(tmp_path):
    """Past the ratio, a member of 1 MiB still opens; 1 MiB and one byte is refused."""
    def build(extra: int) -> Path:
        pieces = ((b"\0" * 65536, 16), (b"\0", extra))
        return raw_zip(tmp_path / f"f{extra}.docx", stored_parts() + [deflated_entry("word/media/z.bin", pieces)])

    at_and_above(build, "word/media/z.bin expands more than 200 times its compressed size")


def test_word_elements(tmp_path):
    """1,000,000 XML elements in all parts together open; one more is refused."""
    shell = sum(len(list(safety.etree.fromstring(data).iter())) for data in word_parts("<w:p/>").values())
    wanted = safety.MAX_XML_ELEMENTS - shell - 1

    def build(extra: int) -> Path:
        pieces = ((b"<a>", 1), (b"<b/>" * 1000 + letters(300), wanted // 1000), (b"<b/>", wanted % 1000 + extra),
                  (b"</a>", 1))
        return raw_zip(tmp_path / f"e{extra}.docx", stored_parts() + [deflated_entry("customXml/item1.xml", pieces)])

    at_and_above(build, "the XML parts have more than 1,000,000 elements together; the limit is 1,000,000")


def test_imported_paragraph_length(tmp_path):
    """A Word paragraph of 20,000 characters is imported; 20,001 are refused."""
    def word_file(length: int) -> str:
        document = docx.Document()
        document.add_paragraph("Article 1")
        document.add_paragraph("x" * length)
        document.save(tmp_path / f"p{length}.docx")
        return str(tmp_path / f"p{length}.docx")

    import_word(word_file(MAX_TEXT), "en")
    with pytest.raises(InputError, match="has 20,001 characters; the limit is 20,000"):
        import_word(word_file(MAX_TEXT + 1), "en")


def test_matching_pairs(monkeypatch):
    """Up to 250,000 pairs of nodes left between two equal ones are matched by text; beyond, by number only."""
    by_number = []
    real = alignment._by_number
    monkeypatch.setattr(alignment, "_by_number", lambda *args: by_number.append(1) or real(*args))
    ours = [alignment.Listed("text", f"ours {n}", n) for n in range(501)]
    theirs = [alignment.Listed("text", f"theirs {n}", n) for n in range(501)]
    alignment.align(ours[:500], theirs[:500], by_pairs=False)
    assert by_number == []
    alignment.align(ours[:500], theirs, by_pairs=False)
    assert by_number == [1]


def test_query_length_and_words_at_and_above_the_limit():
    from precedents.index import MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS, match_expression

    assert match_expression("a" * MAX_QUERY_CHARACTERS)
    with pytest.raises(InputError, match="the query has 1,001 characters; the limit is 1,000"):
        match_expression("a" * (MAX_QUERY_CHARACTERS + 1))
    words = [f"w{n}" for n in range(MAX_QUERY_WORDS)]
    assert match_expression(" ".join(words * 3)).count('"') == 2 * MAX_QUERY_WORDS  # repeats count once
    with pytest.raises(InputError, match="the query has 33 different words; the limit is 32"):
        match_expression(" ".join([*words, "extra"]))


def _with_alternatives(count: int) -> dict:
    """Return the base draft with a text clause holding count alternatives."""
    agreement = load_agreement(str(BASE_DRAFT))
    data = agreement.model_dump(exclude_defaults=True)
    clause = {"id": "many", "kind": "text", "text": {"en": "A"}, "proposed_by": ["rok"],
              "alternatives": [{"id": f"many.o{n}", "proposed_by": ["dprk"], "text": {"en": f"O{n}"}}
                               for n in range(count)]}
    top = data["body"][0]
    article = top["children"][0] if top["kind"] == "part" else top
    article["children"].append(clause)
    return data


def test_alternatives_at_and_above_the_limit():
    from clauses.base import MAX_ALTERNATIVES

    assert MAX_ALTERNATIVES == 25
    Agreement.model_validate(_with_alternatives(MAX_ALTERNATIVES))
    with pytest.raises(ValidationError, match="at most 25 items"):
        Agreement.model_validate(_with_alternatives(MAX_ALTERNATIVES + 1))


def test_each_language_once():
    data = load_agreement(str(BASE_DRAFT)).model_dump(exclude_defaults=True)
    data["meta"]["languages"] = ["en", "en"]
    with pytest.raises(ValidationError, match="each language may be named once"):
        Agreement.model_validate(data)


def test_a_title_longer_than_a_word_property_still_renders_whole():
    from agreements.render.docx.render import render_docx
    from agreements.render.docx.writer import CORE_PROPERTY_LIMIT

    data = load_agreement(str(BASE_DRAFT)).model_dump()
    data["meta"]["title"]["en"] = "x" * (CORE_PROPERTY_LIMIT + 1)
    document = docx.Document(io.BytesIO(render_docx(Agreement.model_validate(data), "en")))
    assert document.core_properties.title == "x" * CORE_PROPERTY_LIMIT
    assert any(paragraph.text == "x" * (CORE_PROPERTY_LIMIT + 1) for paragraph in document.paragraphs)
