"""The corpus of bad inputs across every command: each gives its exit code and exact message, no traceback, no output.

Drafts that do not load are in test_bad_drafts.py; this corpus covers the other commands and inputs: command-line
values, edits, templates, versions, precedent files, Word files, packages and outputs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from clauses.languages import LANGUAGES
from cli import main
from tests.agreements.wordimport.test_safety import XXE, compound_file, content_types, word_parts, write_zip
from tests.conftest import BASE_DRAFT, mutate
from tests.test_bad_drafts import CASES as DRAFT_CASES

BASE = BASE_DRAFT.read_text(encoding="utf-8")
Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Bad:
    """A bad input: files to lay out, the command ({d} is the folder), its exit code and its last stderr lines."""

    name: str
    args: tuple[str, ...]
    code: int
    lines: tuple[str, ...]
    files: dict[str, bytes | str | Setup] = field(default_factory=dict)


def draft(text: str = BASE) -> dict[str, str]:
    """Return the files of a folder holding one draft."""
    return {"d.yaml": text}


def manifest(data: object) -> dict[str, str]:
    """Return a package folder whose manifest.json holds data."""
    return {"pkg/manifest.json": data if isinstance(data, str) else json.dumps(data)}


def word(members: dict[str, bytes]) -> Setup:
    """Return a setup writing a zip of members as t.docx."""
    return lambda folder: write_zip(folder / "t.docx", members) and None


def template(text: str) -> dict[str, str]:
    """Return a draft and a user template folder whose UN Command template is text."""
    return {**draft(), "mine/un_command_status.en.j2": text}


def corpus_file(text: str) -> dict[str, str]:
    """Return a folder of one precedent file."""
    return {"corpus/mine.yaml": text}


PRECEDENT = """id: mine-2000
title: My precedent
short_title: Mine 2000
date: 2000-01-01
region: korea
context: A precedent of one's own.
provisions:
  - id: art-1
    citation: Art. 1
    basis: S
    topics: [end_of_war_and_non_aggression]
    paraphrase: The sides cease fire.
"""
D = "{d}"
ESCAPING = {"path": "../etc/passwd", "sha256": "0" * 64, "size": 1}
NOT_WORD = "not a Word document"
LANGUAGE_CHOICES = ", ".join(f"'{choice}'" for choice in (*LANGUAGES, "parallel"))
CASES = [
    # the command line
    Bad("missing-argument", ("validate",), 2, ("Error: Missing argument 'DRAFT'. [PD-E001]",)),
    Bad("unknown-command", ("frobnicate",), 2, ("Error: No such command 'frobnicate'. [PD-E001]",)),
    Bad("bad-choice", ("render", f"{D}/d.yaml", "--lang", "fr"), 2,
        (f"Error: Invalid value for '--lang': 'fr' is not one of {LANGUAGE_CHOICES}. [PD-E001]",), draft()),
    Bad("docx-without-output", ("render", f"{D}/d.yaml", "--format", "docx"), 2,
        ("Error: a Word document needs -o FILE.docx [PD-E001]",), draft()),
    Bad("parallel-as-text", ("render", f"{D}/d.yaml", "--lang", "parallel"), 2,
        ("Error: --lang parallel is for Word documents, PDF and HTML (--format docx, pdf or html) [PD-E001]",),
        draft()),
    Bad("against-without-draft", ("package", "--against", f"{D}/d.yaml", "-o", f"{D}/p"), 2,
        ("Error: --against needs a DRAFT [PD-E001]",), draft()),
    Bad("limit-out-of-range", ("precedents", "search", "war", "--limit", "0"), 2,
        ("Error: Invalid value for '--limit': 0 is not in the range 1<=x<=500. [PD-E001]",)),
    Bad("alternative-without-proposer", ("add", f"{D}/d.yaml", "unc_status/transform", "--alternative-to",
                                         "unc.status"), 2, ("Error: --alternative-to needs --proposed-by PARTY [PD-E001]",),
        draft()),
    Bad("chart-suffix", ("timeline", f"{D}/d.yaml", "-o", f"{D}/chart.pdf"), 2,
        ("peacedraft: {d}/chart.pdf: PNG or SVG output is written to a .png or .svg file, not a .pdf file [PD-E053]",),
        draft()),
    Bad("export-format", ("export", f"{D}/d.yaml", "--format", "pdf", "-o", f"{D}/x"), 2,
        ("Error: Invalid value for '--format': 'pdf' is not one of 'akn', 'json'. [PD-E001]",), draft()),
    Bad("json-with-lang", ("export", f"{D}/d.yaml", "--format", "json", "--lang", "en", "-o", f"{D}/x.json"), 2,
        ("Error: --lang is for --format akn (the JSON holds every language) [PD-E001]",), draft()),
    Bad("stance", ("position", f"{D}/d.yaml", "unc.status", "rok", "maybe"), 2,
        ("Error: Invalid value for '{{support|oppose|reserve}}': 'maybe' is not one of 'support', 'oppose', "
         "'reserve'. [PD-E001]",), draft()),
    # drafts through other commands
    Bad("render-missing", ("render", f"{D}/none.yaml"), 2, ("{d}/none.yaml:1:1: -: no such file [PD-E010]",)),
    Bad("diff-not-utf8", ("diff", f"{D}/d.yaml", f"{D}/latin1.yaml"), 2,
        ("{d}/latin1.yaml:1:6: -: not UTF-8 (byte 0xe9): save the draft as UTF-8 [PD-E012]",),
        {**draft(), "latin1.yaml": "# caf\xe9\n".encode("latin-1")}),
    Bad("render-alias", ("render", f"{D}/d.yaml"), 2,
        ("{d}/d.yaml:15:12: dprk: aliases (*id) are not allowed in draft files [PD-E015]",),
        draft(mutate(BASE, "role: signatory\n  - id: dprk\n    names: {en:", "role: &id signatory\n  - id: dprk\n"
                                                                               "    role2: *id\n    names: {en:"))),
    Bad("timeline-tag", ("timeline", f"{D}/d.yaml"), 2,
        ("{d}/d.yaml:8:9: meta: tag !!python/object is not allowed: a draft holds plain data only [PD-E016]",),
        draft(mutate(BASE, "date: 2027-01-15", "date: !!python/object 2027-01-15"))),
    Bad("set-unknown-node", ("set", f"{D}/d.yaml", "unc.statu", "status=agreed"), 2,
        ("{d}/d.yaml:1:1: unc.statu: no node with id 'unc.statu' [PD-E030]",), draft()),
    Bad("set-no-equals", ("set", f"{D}/d.yaml", "pullback.distance", "pullback_km"), 2,
        ("{d}/d.yaml:39:13: pullback.distance: 'pullback_km': write KEY=VALUE [PD-E032]",), draft()),
    Bad("set-wrong-type", ("set", f"{D}/d.yaml", "pullback.distance", "pullback_km=far"), 2,
        ("{d}/d.yaml:42:26: pullback.distance: pullback_km: input should be a valid number, unable to parse string "
         "as a number, got 'far' (expected number (> 0, ≤ 100) (optional)) [PD-E033]",), draft()),
    Bad("position-unknown-party", ("position", f"{D}/d.yaml", "unc.status", "usa", "oppose"), 2,
        ("{d}/d.yaml:1:1: unc.status: unknown party 'usa' [PD-E031]",), draft()),
    Bad("set-breaks-a-rule", ("set", f"{D}/d.yaml", "unc.status", "transferred_to=nobody"), 2,
        ("{d}/d.yaml:56:13: unc.status: unknown body 'nobody' [PD-E034]",), draft()),
    Bad("add-unknown-option", ("add", f"{D}/d.yaml", "unc_status/dissolv"), 2,
        ("peacedraft: unknown option 'unc_status/dissolv' (did you mean unc_status/dissolve, "
         "unc_status/dissolve-by-resolution, unc_status/transform?) [PD-E037]",),
        draft()),
    Bad("add-under-nothing", ("add", f"{D}/d.yaml", "unc_status/dissolve", "--under", "art.none"), 2,
        ("{d}/d.yaml:1:1: art.none: --under: no part, article, clause or annex with id 'art.none' [PD-E036]",), draft()),
    Bad("add-taken-id", ("add", f"{D}/d.yaml", "unc_status/dissolve", "--as", "unc.status"), 2,
        ("{d}/d.yaml:1:1: unc.status: id 'unc.status' already exists (choose another with --as) [PD-E035]",),
        draft()),
    Bad("template-syntax", ("render", f"{D}/d.yaml", "--templates", f"{D}/mine"), 2,
        ("{d}/d.yaml:56:13: unc.status: template un_command_status.en.j2 line 1: Unexpected end of template. Jinja "
         "was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be "
         "closed is 'if'. [PD-E041]",), template("{% if c %}x")),
    Bad("template-internals", ("render", f"{D}/d.yaml", "--templates", f"{D}/mine"), 2,
        ("{d}/d.yaml:56:13: unc.status: template un_command_status.en.j2: not allowed: access to attribute "
         "'__class__' of 'str' object is unsafe. [PD-E042]",), template("{{ ''.__class__ }}")),
    Bad("template-undefined", ("render", f"{D}/d.yaml", "--templates", f"{D}/mine"), 2,
        ("{d}/d.yaml:56:13: unc.status: template un_command_status.en.j2: "
         "'clauses.kinds.un_command_status.UnCommandStatus object' has no attribute 'nothing' [PD-E043]",),
        template("{{ c.nothing }}")),
    Bad("template-control-character", ("render", f"{D}/d.yaml", "--templates", f"{D}/mine", "-o", f"{D}/o.docx"), 2,
        ("peacedraft: character U+0007 cannot appear in a Word document [PD-E044]",),
        template("{{ c.disposition }}\x07")),
    Bad("timeline-cycle", ("timeline", f"{D}/d.yaml"), 2,
        ("{d}/d.yaml:39:13: pullback.distance: sequencing cycle: pullback.distance → unc.status → pullback.distance "
         "(each waits for the next) [PD-E045]",),
        draft(mutate(BASE, "deadline: {after: entry_into_force, days: 90}", "deadline: {after: unc.status, days: 5}"))),
    Bad("diff-unknown-revision", ("diff", "nope:d.yaml", f"{D}/d.yaml"), 2,
        ("nope:d.yaml:1:1: -: git cannot read it: not a git repository (or any of the parent directories): .git "
         "[PD-E024]",), draft()),
    # outputs
    Bad("new-exists", ("new", f"{D}/d.yaml"), 2,
        ("peacedraft: {d}/d.yaml: already exists (use --force to replace it) [PD-E050]",), draft()),
    Bad("render-into-nowhere", ("render", f"{D}/d.yaml", "-o", f"{D}/no/o.docx"), 2,
        ("peacedraft: {d}/no/o.docx: folder {d}/no does not exist [PD-E051]",), draft()),
    Bad("schema-into-nowhere", ("schema", "-o", f"{D}/no/s.json"), 2,
        ("peacedraft: {d}/no/s.json: folder {d}/no does not exist [PD-E051]",)),
    Bad("compare-into-nowhere", ("compare", f"{D}/d.yaml", "-o", f"{D}/no/a.docx"), 2,
        ("peacedraft: {d}/no/a.docx: folder {d}/no does not exist [PD-E051]",), draft()),
    Bad("import-exists", ("import", f"{D}/t.docx", "-o", f"{D}/d.yaml"), 2,
        ("peacedraft: {d}/d.yaml: already exists (use --force to replace it) [PD-E050]",),
        {**draft(), "t.docx": word(word_parts("<w:p><w:r><w:t>Article 1</w:t></w:r></w:p>"))}),
    Bad("export-into-nowhere", ("export", f"{D}/d.yaml", "--format", "json", "-o", f"{D}/no/x.json"), 2,
        ("peacedraft: {d}/no/x.json: folder {d}/no does not exist [PD-E051]",), draft()),
    Bad("package-exists", ("package", f"{D}/d.yaml", "-o", f"{D}/pkg"), 2,
        ("peacedraft: {d}/pkg: already exists (use --force to replace it) [PD-E050]",), {**draft(), "pkg/x": "x"}),
    Bad("package-file-in-the-way", ("package", f"{D}/d.yaml", "-o", f"{D}/pkg", "--force"), 2,
        ("peacedraft: {d}/pkg: exists and is not a folder [PD-E051]",), {**draft(), "pkg": "x"}),
    Bad("package-into-nowhere", ("package", f"{D}/d.yaml", "-o", f"{D}/no/pkg"), 2,
        ("peacedraft: {d}/no/pkg: folder {d}/no does not exist [PD-E051]",), draft()),
    Bad("package-with-findings", ("package", f"{D}/d.yaml", "-o", f"{D}/pkg"), 1,
        ("{d}/d.yaml:71:30: final.parties: error: unknown party 'usa' [references-resolve]",
         "peacedraft: {d}/d.yaml: package refused: 1 consistency error (fix them, or add --allow-findings to list "
         "them in the memo) [PD-E070]"),
        draft(mutate(BASE, "parties: [rok, dprk]", "parties: [rok, dprk, usa]"))),
    # precedents
    Bad("unknown-precedent", ("precedents", "show", "nowhere-2000"), 2, ()),
    Bad("empty-query", ("precedents", "search", "  "), 2,
        ("peacedraft: the query '  ' has no words to search for [PD-E061]",)),
    Bad("compare-unknown-precedent", ("compare", f"{D}/d.yaml", "--precedent", "nowhere-2000"), 2, (), draft()),
    Bad("precedent-not-a-mapping", ("precedents", "check", f"{D}/corpus"), 2,
        ("{d}/corpus/mine.yaml:1:1: -: a precedent file is a mapping with 'id', 'title' and 'provisions' "
         "[PD-E062]",), corpus_file("- just a list\n")),
    Bad("precedent-duplicate-provision", ("precedents", "check", f"{D}/corpus"), 2,
        ("{d}/corpus/mine.yaml:13:9: art-1: duplicate provision id [PD-E063]",),
        corpus_file(PRECEDENT + "  - id: art-1\n    citation: Art. 2\n    basis: S\n    topics: [final_provisions]\n"
                                "    paraphrase: Again.\n")),
    Bad("precedent-unknown-field", ("precedents", "check", f"{D}/corpus"), 2,
        ("{d}/corpus/mine.yaml:13:12: art-1: unknown field 'quote' [PD-E021]",),
        corpus_file(PRECEDENT + "    quote: invented words\n")),
    Bad("precedent-folder-missing", ("precedents", "check", f"{D}/none"), 2,
        ("{d}/none:1:1: -: no such folder [PD-E064]",)),
    Bad("corpus-folder-missing", ("precedents", "list", "--corpus", f"{D}/none"), 2,
        ("{d}/none:1:1: -: no such corpus folder [PD-E064]",)),
    # Word files
    Bad("import-text-file", ("import", f"{D}/t.docx", "-o", f"{D}/o.yaml"), 2,
        ("peacedraft: {d}/t.docx: not a Word document (not a zip file) [PD-E080]",), {"t.docx": "Article 1\n"}),
    Bad("import-missing", ("import", f"{D}/t.docx", "-o", f"{D}/o.yaml"), 2,
        ("peacedraft: {d}/t.docx: no such file [PD-E010]",)),
    Bad("import-password", ("import", f"{D}/t.docx", "-o", f"{D}/o.yaml"), 2,
        ("peacedraft: {d}/t.docx: password-protected: save it without a password [PD-E081]",),
        {"t.docx": compound_file(["EncryptionInfo", "EncryptedPackage"])}),
    Bad("import-legacy-doc", ("import", f"{D}/t.docx", "-o", f"{D}/o.yaml"), 2,
        ("peacedraft: {d}/t.docx: a legacy Word 97-2003 .doc: save it as .docx [PD-E082]",),
        {"t.docx": compound_file(["WordDocument", "1Table"])}),
    Bad("import-xxe", ("import", f"{D}/t.docx", "-o", f"{D}/o.yaml"), 2,
        ("peacedraft: {d}/t.docx: word/document.xml declares a DTD or entities (<!DOCTYPE, <!ENTITY): refused "
         "[PD-E084]",), {"t.docx": word(word_parts(XXE))}),
    Bad("import-zip-bomb", ("import", f"{D}/t.docx", "-o", f"{D}/o.yaml"), 2,
        ("peacedraft: {d}/t.docx: word/media/zeros.bin expands more than 200 times its compressed size (a zip bomb) "
         "[PD-E083]",), {"t.docx": word({**word_parts("<w:p/>"), "word/media/zeros.bin": bytes(8 << 20)})}),
    Bad("import-spreadsheet", ("import", f"{D}/t.docx", "-o", f"{D}/o.yaml"), 2,
        ("peacedraft: {d}/t.docx: not a Word document (a spreadsheet) [PD-E080]",),
        {"t.docx": word({"[Content_Types].xml": content_types(
            ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
            "xl/workbook.xml": b"<workbook/>"})}),
    Bad("import-unsafe-name", ("import", f"{D}/t.docx", "-o", f"{D}/o.yaml"), 2,
        ("peacedraft: {d}/t.docx: unsafe member name '../evil.xml' (absolute, or with '..') [PD-E086]",),
        {"t.docx": word({**word_parts("<w:p/>"), "../evil.xml": b"<x/>"})}),
    Bad("import-long-paragraph", ("import", f"{D}/t.docx", "-o", f"{D}/o.yaml"), 2,
        ("peacedraft: {d}/t.docx: paragraph 2 has 20,001 characters; the limit is 20,000 [PD-E087]",),
        {"t.docx": word(word_parts("<w:p><w:r><w:t>Article 1</w:t></w:r></w:p>"
                                   f"<w:p><w:r><w:t>{'x' * 20_001}</w:t></w:r></w:p>"))}),
    Bad("diff-against-a-pdf", ("diff", f"{D}/d.yaml", f"{D}/theirs.docx"), 2,
        ("peacedraft: {d}/theirs.docx: not a Word document (a PDF file) [PD-E080]",),
        {**draft(), "theirs.docx": b"%PDF-1.7\n"}),
    # packages
    Bad("verify-no-manifest", ("verify", f"{D}/pkg"), 2,
        ("peacedraft: {d}/pkg: no manifest.json: not a peacedraft package [PD-E071]",), {"pkg/a.txt": "a"}),
    Bad("verify-not-a-package", ("verify", f"{D}/notes.txt"), 2,
        ("peacedraft: {d}/notes.txt: neither a package folder nor a zip file [PD-E071]",), {"notes.txt": "x"}),
    Bad("verify-missing", ("verify", f"{D}/none"), 2, ("peacedraft: {d}/none: no such file or folder [PD-E010]",)),
    Bad("verify-bad-json", ("verify", f"{D}/pkg"), 2,
        ("peacedraft: {d}/pkg: manifest.json is not valid JSON: Expecting value: line 1 column 1 (char 0) "
         "[PD-E071]",), manifest("not json")),
    Bad("verify-other-format", ("verify", f"{D}/pkg"), 2,
        ("peacedraft: {d}/pkg: manifest.json is not a peacedraft.package/1 manifest [PD-E071]",),
        manifest({"format": "other/1", "files": []})),
    Bad("verify-escaping-path", ("verify", f"{D}/pkg"), 2,
        ('peacedraft: {d}/pkg: manifest.json: malformed file entry '
         + json.dumps(ESCAPING)[:80].replace("{", "{{").replace("}", "}}") + ' [PD-E071]',),
        manifest({"format": "peacedraft.package/1", "files": [ESCAPING]})),
]


def lay_out(folder: Path, files: dict) -> None:
    """Write a case's files below the folder."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(folder)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file below a folder with its bytes."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_the_corpus_is_large_and_distinct():
    names = [case.name for case in CASES] + [case.name for case in DRAFT_CASES]
    assert len(names) == len(set(names)) and len(names) >= 60
    assert len({case.args[0] for case in CASES}) >= 14  # every command family


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(case: Bad, runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lay_out(tmp_path, case.files)
    before = snapshot(tmp_path)
    result = runner.invoke(main, [argument.replace(D, str(tmp_path)) for argument in case.args])
    assert result.exit_code == case.code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    expected = [line.format(d=tmp_path) for line in case.lines]
    if expected:
        assert lines[-len(expected):] == expected
        if expected[-1].endswith("[PD-E001]"):
            assert lines == expected, "a usage error is one line"
    else:
        assert len(lines) == 1 and lines[0].startswith("peacedraft: unknown precedent 'nowhere-2000'")
        assert lines[0].endswith("[PD-E060]")
    assert snapshot(tmp_path) == before, "the command wrote or changed a file"
    leftovers = [name for name in os.listdir(tmp_path) if name.startswith(".")]
    assert leftovers == []

