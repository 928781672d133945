"""Building the negotiation text package: every document in memory, stage by stage, then the manifest."""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import PurePath

from agreements.diff.compare import Comparison, compare_agreements
from agreements.diff.report import text_report
from agreements.document.compose import document_time
from agreements.document.nonpaper import without_attribution
from agreements.drafts import decode, json_agreement, parse_agreement
from clauses.errors import DraftError, FindingsError
from agreements.examples import example_bytes
from agreements.model import Agreement
from agreements.package.manifest import MANIFEST, digest, manifest_bytes
from agreements.rules.context import Finding
from agreements.authentic.check import check_languages
from agreements.rules.registry import check
from agreements.diff.versions import version_bytes
from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES, language_name

DESCRIPTIONS = {
    "cover-memo.docx": "cover memo: what changed, open brackets, findings, timeline",
    "text/agreement.parallel.docx": "the authentic languages side by side",
    "redline/changes.txt": "change report against the previous round",
    "redline/changes.json": "change report, JSON (peacedraft.diff/1)",
    "precedents/precedent-annex.docx": "each article beside the precedents on its point",
    "precedents/armistice-coverage.txt": "what becomes of each function of the 1953 Armistice",
    "precedents/armistice-coverage.json": "the same, JSON",
    "positions-matrix.docx": "every open node against every party's stance",
    "timeline/timeline.png": "implementation timeline chart",
    "timeline/timeline.txt": "implementation timeline, a line per step",
    "timeline/timeline.json": "implementation timeline, JSON (peacedraft.timeline/1)",
}


@dataclass(frozen=True)
class InputDraft:
    """An input draft: the name it was given by, its bytes and the agreement they hold."""

    name: str
    data: bytes
    agreement: Agreement

    @classmethod
    def read(cls, spec: str) -> InputDraft:
        """Return the draft a file path or REV:PATH names."""
        data = version_bytes(spec)
        return cls(spec, data, parse_agreement(decode(data, spec), spec))

    @classmethod
    def example(cls, name: str) -> InputDraft:
        """Return a shipped example round."""
        data = example_bytes(name)
        return cls(f"{name}.yaml", data, parse_agreement(decode(data, f"{name}.yaml"), f"{name}.yaml"))

    @property
    def label(self) -> str:
        """Return the name the package shows: the file name without its folder, or REV:PATH as given."""
        return self.name if ":" in self.name and not os.path.exists(self.name) else PurePath(self.name).name

    @property
    def stem(self) -> str:
        """Return the file name without folder and suffix ('round-2')."""
        return PurePath(self.name.split(":")[-1]).stem or "draft"


@dataclass
class Build:
    """What the stages share: the inputs, the options, what earlier stages found and the files so far."""

    draft: InputDraft
    previous: InputDraft | None
    author: str = "peacedraft"
    corpus: list[str] = field(default_factory=list)
    copies: bool = False  # a copy for each signatory (the alternat), in every language
    non_paper: bool = False  # a non-paper: the drafts without attribution, no matrix, memo or draft files
    findings: list[Finding] = field(default_factory=list)
    comparison: Comparison | None = None
    chart: bytes | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def agreement(self) -> Agreement:
        """Return the draft being packaged."""
        return self.draft.agreement

    @property
    def languages(self) -> list[str]:
        """Return the draft's authentic languages."""
        return list(self.agreement.meta.languages)


def _clean_text(build: Build) -> None:
    """Add the clean text in every authentic language and the parallel edition."""
    from agreements.render.docx.render import render_docx

    for lang in [*build.languages, "parallel"]:
        build.files[f"text/agreement.{lang}.docx"] = render_docx(build.agreement, lang, non_paper=build.non_paper)
    if build.copies:
        for party in build.agreement.parties:
            if party.role == "signatory":
                for lang in build.languages:
                    build.files[f"text/copies/{party.id}/agreement.{lang}.docx"] = render_docx(
                        build.agreement, lang, copy_for=party.id, non_paper=build.non_paper)


def _redline(build: Build) -> None:
    """Add the redline against the previous round in every language, and the change report."""
    if build.previous is None:
        return
    from agreements.diff.redline import redline_docx

    old, new = build.previous, build.draft
    build.comparison = comparison = compare_agreements(old.agreement, new.agreement)
    for lang in build.languages:
        data = redline_docx(old.agreement, new.agreement, comparison, lang, build.author, non_paper=build.non_paper)
        build.files[f"redline/redline.{lang}.docx"] = data
    lines = text_report(comparison, old.label, new.label, lambda text, **_: text, build.non_paper)
    build.files["redline/changes.txt"] = _text(lines)
    build.files["redline/changes.json"] = _json(comparison.to_json(old.label, new.label))


def _precedents(build: Build) -> None:
    """Add the precedent comparison annex and the Armistice supersession coverage."""
    from precedents.annex import annex_docx
    from precedents.compare import compare_with_precedents
    from precedents.index import SearchIndex
    from precedents.views import comparison_json

    comparison = compare_with_precedents(build.agreement, SearchIndex.for_folders(build.corpus))
    build.files["precedents/precedent-annex.docx"] = annex_docx(build.agreement, comparison, build.non_paper)
    build.files["precedents/armistice-coverage.txt"] = _text([item.summary for item in comparison.armistice])
    build.files["precedents/armistice-coverage.json"] = _json(comparison_json(comparison)["armistice"])


def _positions(build: Build) -> None:
    """Add the positions matrix (not to a non-paper: it is attribution, party by party)."""
    from agreements.package.matrix import positions_matrix_docx

    if build.non_paper:
        return
    build.files["positions-matrix.docx"] = positions_matrix_docx(build.agreement)


def _timeline(build: Build) -> None:
    """Add the implementation timeline as chart, text and JSON (nothing when the steps wait for each other)."""
    from agreements.schedule.timeline import schedule, text_lines
    from agreements.schedule.chart import chart_png

    try:
        timeline = schedule(build.agreement)
    except DraftError:
        return
    build.chart = chart_png(timeline)
    build.files["timeline/timeline.png"] = build.chart
    build.files["timeline/timeline.txt"] = _text(text_lines(timeline))
    build.files["timeline/timeline.json"] = _json(timeline.to_json())


def _draft_files(build: Build) -> None:
    """Add the draft itself, as given (YAML) and as JSON, and the previous round as given (not to a non-paper:
    the drafts hold every proposer, position and note)."""
    if build.non_paper:
        return
    build.files[f"draft/{build.draft.stem}.yaml"] = build.draft.data
    build.files[f"draft/{build.draft.stem}.json"] = json_agreement(build.agreement).encode("utf-8")
    if build.previous is not None:
        stem = build.previous.stem
        build.files[f"draft/{stem}{'.previous' * (stem == build.draft.stem)}.yaml"] = build.previous.data


def _memo(build: Build) -> None:
    """Add the cover memo, which lists every other file of the package (not to a non-paper: the memo briefs the
    delegation, with the findings and who proposed what)."""
    from agreements.package.memo import memo_docx

    if build.non_paper:
        return
    contents = [(name, describe(name)) for name in sorted([*build.files, "cover-memo.docx", MANIFEST])]
    build.files["cover-memo.docx"] = memo_docx(build.agreement, build.findings, build.comparison, build.chart,
                                               contents)


def _manifest(build: Build) -> None:
    """Add manifest.json: every file's hash and size, the tool's version and the inputs' hashes."""
    inputs = [{"role": "draft", "name": build.draft.label, "sha256": digest(build.draft.data)}]
    if build.previous is not None:
        inputs.append({"role": "previous", "name": build.previous.label, "sha256": digest(build.previous.data)})
    title = f"{build.agreement.meta.title.get(DEFAULT_LANGUAGE, '')} — {build.agreement.meta.version}"
    build.files[MANIFEST] = manifest_bytes(build.files, inputs, tool_version(), title)


STAGES: tuple[tuple[str, Callable[[Build], None]], ...] = (
    ("clean text", _clean_text), ("redline", _redline), ("precedents", _precedents),
    ("positions matrix", _positions), ("timeline", _timeline), ("draft files", _draft_files),
    ("cover memo", _memo), ("manifest", _manifest),
)


def build_package(draft: InputDraft, previous: InputDraft | None, allow_findings: bool = False, author: str = "peacedraft",
                  corpus: list[str] | None = None, progress: Callable[[int, int, str], None] | None = None,
                  copies: bool = False, non_paper: bool = False) -> Build:
    """Return the built package in memory: every file, the findings and the seconds each stage took.

    non_paper: every document made from the drafts without attribution (document/nonpaper.py) and marked as a
    non-paper; the positions matrix, the cover memo and the draft files are left out.
    """
    build = Build(draft, previous, author, list(corpus or []), copies)
    if non_paper:
        build = Build(_non_paper(draft), previous and _non_paper(previous), author, list(corpus or []), copies,
                      non_paper=True)
    started = time.perf_counter()
    build.findings = check(draft.agreement) + check_languages(draft.agreement)
    errors = [finding for finding in build.findings if finding.severity == "error"]
    if errors and not allow_findings:
        raise FindingsError(f"{draft.name}: package refused: {len(errors)} consistency error"
                            f"{'s' * (len(errors) != 1)} (fix them, or add --allow-findings to list them in the memo)",
                            errors, "PD-E070")
    build.timings["validate"] = time.perf_counter() - started
    for number, (name, stage) in enumerate(STAGES, 1):
        if progress:
            progress(number, len(STAGES), name)
        started = time.perf_counter()
        stage(build)
        build.timings[name] = time.perf_counter() - started
    return build


def _non_paper(draft: InputDraft) -> InputDraft:
    """Return an input draft whose agreement has no attribution (its bytes, as given, are never packaged)."""
    return dataclasses.replace(draft, agreement=without_attribution(draft.agreement))


def shipped_example() -> tuple[InputDraft, InputDraft]:
    """Return the shipped example: round 2, and round 1 to compare it with."""
    return InputDraft.example("round-2"), InputDraft.example("round-1")


def describe(name: str) -> str:
    """Return what a package file holds, for the memo."""
    if name in DESCRIPTIONS:
        return DESCRIPTIONS[name]
    stem, _, lang = PurePath(name).stem.partition(".")
    if name.startswith("text/"):
        return f"clean text, {_language_name(lang)}"
    if name.startswith("redline/"):
        return f"redline with tracked changes, {_language_name(lang)}"
    if name == MANIFEST:
        return "every file's SHA-256 and size (check with peacedraft verify)"
    if name.endswith(".yaml"):
        return "a draft as given (YAML)"
    return "the draft as JSON (also a valid draft file)"


def _language_name(code: str) -> str:
    """Return the name of a language in the default language, or the code of one that has no file."""
    return language_name(code) if code in LANGUAGES else code


def tool_version() -> str:
    """Return the installed peacedraft version."""
    try:
        return metadata.version("peacedraft")
    except metadata.PackageNotFoundError:
        return "unknown"


def package_time(build: Build):
    """Return the time the package's zip entries carry: SOURCE_DATE_EPOCH, else the draft's date."""
    return document_time(build.agreement)


def _text(lines: list[str]) -> bytes:
    """Return lines as UTF-8 text ending in a newline."""
    return ("\n".join(lines) + "\n").encode("utf-8")


def _json(data) -> bytes:
    """Return data as indented UTF-8 JSON ending in a newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")
