"""The corpus of malformed drafts: each gives its exit code and exact one-line messages, no traceback."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from clauses.languages import LANGUAGES
from cli import main
from tests.conftest import BASE_DRAFT, mutate

BASE = BASE_DRAFT.read_text(encoding="utf-8")


QUOTED = [f"'{code}'" for code in LANGUAGES]
QUOTED_LANGUAGES = " or ".join([", ".join(QUOTED[:-1]), QUOTED[-1]])  # 'en', 'ko' or 'zh' as shipped


@dataclass(frozen=True)
class Case:
    """A bad draft, the exit code it must give and the lines it must print ({f} is the file)."""

    name: str
    content: bytes | str
    code: int
    lines: tuple[str, ...]


def edit(old: str, new: str) -> str:
    """Return the base draft with one edit."""
    return mutate(BASE, old, new)


CASES = [
    Case("yaml-syntax", edit("categories: [artillery, armour]", "categories: [artillery, armour"), 2,
         ("{f}:45:21: pullback.distance: YAML syntax: did not find expected ',' or ']' [PD-E013]",)),
    Case("tab-indent", edit("            pullback_km: 10", "\t    pullback_km: 10"), 2,
         ("{f}:42:1: pullback.distance: YAML syntax: tab character: indent with spaces [PD-E013]",)),
    Case("duplicate-key", edit("            pullback_km: 10\n", "            pullback_km: 10\n            pullback_km: 12\n"), 2,
         ("{f}:43:13: pullback.distance: duplicate key 'pullback_km' (first at line 42) [PD-E014]",)),
    Case("wrong-type", edit("pullback_km: 10", "pullback_km: ten"), 2,
         ("{f}:42:26: pullback.distance: pullback_km: input should be a valid number, unable to parse string as a number [PD-E022]",)),
    Case("unknown-kind", edit("kind: force_reduction_and_redeployment", "kind: force_reduction"), 2,
         ("{f}:39:13: pullback.distance: unknown kind 'force_reduction' (`peacedraft schema` lists the kinds) [PD-E022]",)),
    Case("missing-field", edit("            disposition: dissolve\n", ""), 2,
         ("{f}:56:13: unc.status: missing field 'disposition' [PD-E020]",)),
    Case("misspelt-field", edit("deadline: {after: entry_into_force, days: 90}", "dedline: {after: entry_into_force, days: 90}"), 2,
         ("{f}:39:13: pullback.distance: missing field 'deadline' [PD-E020]",
          "{f}:45:22: pullback.distance: unknown field 'dedline' (did you mean 'deadline'?) [PD-E021]")),
    Case("negative-distance", edit("pullback_km: 10", "pullback_km: -5"), 2,
         ("{f}:42:26: pullback.distance: pullback_km: input should be greater than 0 [PD-E022]",)),
    Case("absurd-deadline", edit("days: 90}", "days: 1000000000}"), 2,
         ("{f}:45:55: pullback.distance: days: input should be less than or equal to 7305 [PD-E022]",)),
    Case("bad-id", edit("id: pullback.distance\n", "id: Pullback Distance\n"), 2,
         ("{f}:39:17: Pullback Distance: id: 'Pullback Distance' is not an id: use a-z, 0-9, '-', '_' and dots (like unc.status) [PD-E022]",)),
    Case("bad-status", edit("status: bracketed", "status: maybe"), 2,
         ("{f}:41:21: pullback.distance: status: input should be 'agreed', 'agreed_ad_referendum', 'bracketed' or 'pending' [PD-E022]",)),
    Case("bad-alternative", edit("set: {pullback_km: 20}", "set: {pullback_km: -1}"), 2,
         ("{f}:49:22: pullback.distance: alternative pullback.distance.opt-b: set.pullback_km: input should be greater than 0 [PD-E023]",)),
    Case("bad-date", edit("date: 2027-01-15", "date: 2027-13-45"), 2,
         ("{f}:8:9: meta: date: input should be a valid date or datetime, month value is outside expected range of 1-12 [PD-E022]",)),
    Case("unknown-language", edit("title: {en: Test Peace Agreement,", "title: {fr: Accord, en: Test Peace Agreement,"), 2,
         (f"{{f}}:4:11: meta: fr: input should be {QUOTED_LANGUAGES} [PD-E022]",)),
    Case("python-tag", edit("pullback_km: 10", "pullback_km: !!python/object/apply:os.system ['echo hi']"), 2,
         ("{f}:42:26: pullback.distance: tag !!python/object/apply:os.system is not allowed: a draft holds plain data only [PD-E016]",)),
    Case("alias-merge", edit("      - id: unc-article\n", "      - id: unc-article\n        <<: *x\n"), 2,
         ("{f}:54:13: unc-article: aliases (*x) are not allowed in draft files [PD-E015]",)),
    Case("billion-laughs", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n", 2,
         ("{f}:2:8: b: aliases (*a) are not allowed in draft files [PD-E015]",)),
    Case("deep-nesting", BASE.replace("zones:", "extra: " + "[" * 100 + "]" * 100 + "\nzones:", 1), 2,
         ("{f}:25:71: extra: nested deeper than 64 levels [PD-E017]",)),
    Case("control-character", edit("Wants 20 km.", "Wants \x07 20 km."), 2,
         ("{f}:52:50: pullback.distance: character U+0007 is not allowed in YAML (control characters are not allowed) [PD-E013]",)),
    Case("huge-number", edit("pullback_km: 10", "pullback_km: 1" + "0" * 5000), 2,
         ("{f}:42:26: pullback.distance: number too long (more than 4300 digits) [PD-E016]",)),
    Case("huge-string", edit("Wants 20 km.", "W" * 30_000), 2,
         ("{f}:52:44: pullback.distance: note: string should have at most 20000 characters [PD-E022]",)),
    Case("two-documents", BASE + "---\nfoo: 1\n", 2,
         ("{f}:93:1: -: a draft file holds one YAML document; found a second '---' [PD-E013]",)),
    Case("top-level-list", "- a\n- b\n", 2, ("{f}:1:1: -: a draft is a mapping with 'meta', 'parties' and 'body' [PD-E018]",)),
    Case("empty-file", "", 2, ("{f}:1:1: -: the file is empty: a draft needs 'meta', 'parties' and 'body' [PD-E018]",)),
    Case("comments-only", "# nothing here\n", 2, ("{f}:1:1: -: the file is empty: a draft needs 'meta', 'parties' and 'body' [PD-E018]",)),
    Case("binary-file", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 2, ("{f}:3:1: -: binary data (NUL byte): not a YAML draft [PD-E012]",)),
    Case("latin-1", BASE.encode("utf-8").replace(b"Wants 20 km.", b"Wants 20 km \xe9."), 2,
         ("{f}:52:56: -: not UTF-8 (byte 0xe9): save the draft as UTF-8 [PD-E012]",)),
    Case("utf-16", BASE.encode("utf-16"), 2, ("{f}:1:1: -: file is UTF-16: save the draft as UTF-8 [PD-E012]",)),
    Case("duplicate-id", edit("id: final.steps.note", "id: pullback"), 1,
         ("{f}:90:17: pullback: error: duplicate id (first at line 35) [unique-ids]",)),
    Case("unknown-party", edit("proposed_by: [dprk]", "proposed_by: [usa]"), 1,
         ("{f}:48:31: pullback.distance.opt-b: error: unknown party 'usa' [references-resolve]",)),
    Case("unknown-party-position", edit("rok: {stance: support}", "usa: {stance: support}"), 1,
         ("{f}:51:15: pullback.distance: error: unknown party 'usa' [references-resolve]",)),
    Case("unknown-zone", edit("from_zone: dmz", "from_zone: dmzz"), 1,
         ("{f}:43:24: pullback.distance: error: unknown zone 'dmzz' (did you mean 'dmz'?) [references-resolve]",
          "{f}:26:9: dmz: warning: zone 'dmz' is registered but never named [unused-registry-entries]")),
    Case("unknown-step", edit("requires: [step.liaison]", "requires: [step.missing]"), 1,
         ("{f}:87:28: step.talks: error: unknown step 'step.missing' (did you mean 'step.liaison'?) [references-resolve]",)),
    Case("sequencing-cycle", edit("deadline: {days: 60}", "deadline: {after: step.talks, days: 60}"), 1,
         ("{f}:78:17: step.liaison: error: sequencing cycle: step.liaison → step.talks → step.liaison "
          "(each waits for the next) [sequencing-acyclic]",)),
    Case("due-before-precondition", edit("deadline: {after: step.liaison, days: 10}", "deadline: {days: 10}"), 1,
         ("{f}:87:28: step.talks: error: falls due on day 10, before its precondition 'step.liaison' (day 60) "
          "[due-after-preconditions]",)),
    Case("dissolved-command-task", mutate(edit("by: [jmc]", "by: [unc]"), "{after: step.liaison, days: 10}",
                                          "{after: step.liaison, days: 100}"), 1,
         ("{f}:88:22: step.talks: error: 'unc' is dissolved on day 120 but is given a task due on day 160 "
          "[dissolved-command-tasks]",)),
    Case("agreed-with-alternatives", edit("status: bracketed", "status: agreed"), 1,
         ("{f}:41:21: pullback.distance: error: status is agreed but 1 open alternative remains "
          "[agreed-without-alternatives]",)),
    Case("transform-without-successor", edit("disposition: dissolve", "disposition: transform"), 1,
         ("{f}:56:13: unc.status: error: a transformed command needs 'successor_body' [command-successor]",)),
]


def write_case(folder: Path, case: Case) -> Path:
    """Write a case's content to a file and return its path."""
    path = folder / f"{case.name}.yaml"
    data = case.content.encode("utf-8") if isinstance(case.content, str) else case.content
    path.write_bytes(data)
    return path


def test_corpus_is_large_and_distinct():
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)
    assert len({case.content for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_draft(case: Case, runner, tmp_path):
    path = write_case(tmp_path, case)
    before = sorted(os.listdir(tmp_path))
    result = runner.invoke(main, ["validate", str(path)])
    expected = [line.format(f=path) for line in case.lines]
    assert result.exit_code == case.code, result.output
    if case.code == 2:
        assert result.stderr.splitlines() == expected
        assert result.stdout == ""
    else:
        assert result.stdout.splitlines() == expected
    assert "Traceback" not in result.output
    assert sorted(os.listdir(tmp_path)) == before


def test_huge_file_is_refused_before_reading(runner, tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"{path}:1:1: -: file is 52,428,800 bytes; a draft may be at most 16,777,216 [PD-E011]\n"


def test_missing_file(runner, tmp_path):
    path = tmp_path / "absent.yaml"
    result = runner.invoke(main, ["validate", str(path)])
    assert (result.exit_code, result.stderr) == (2, f"{path}:1:1: -: no such file [PD-E010]\n")


def test_folder_instead_of_file(runner, tmp_path):
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.endswith(": -: is a folder, not a draft file [PD-E010]\n")


def test_many_errors_are_capped(runner, tmp_path):
    bad_parties = "".join(f"  - {{id: p{n}, names: {{en: P}}, role: king}}\n" for n in range(40))
    path = tmp_path / "many.yaml"
    path.write_text(BASE.replace("parties:\n", "parties:\n" + bad_parties, 1), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path)])
    lines = result.stderr.splitlines()
    assert result.exit_code == 2
    assert len(lines) == 21
    assert lines[-1] == f"{path}:1:1: -: … and 20 more errors [PD-E022]"


# CPU seconds (not wall-clock, which a loaded machine stretches) for refusing the flat list: it takes 7 to 11 s
# on a 2-core machine, so four times that.
LARGE_DRAFT_CPU_SECONDS = 40


def test_a_hostile_large_draft_is_read_in_bounded_time(runner, tmp_path):
    """Fifteen megabytes of one flat list: refused or read, quickly and without exhausting memory."""
    path = tmp_path / "flat.yaml"
    path.write_text("body: [" + "x, " * 5_000_000 + "x]\n", encoding="utf-8")
    start = time.process_time()
    result = runner.invoke(main, ["validate", str(path)])
    seconds = time.process_time() - start
    assert result.exit_code == 2
    assert seconds < LARGE_DRAFT_CPU_SECONDS, f"took {seconds:.1f} s of CPU"
    assert len(result.stderr.splitlines()) <= 21
