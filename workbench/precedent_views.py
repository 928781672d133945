"""The precedents pages' data: an agreement or a provision as `precedents show` gives it, a draft's comparison
measure by measure as `compare` gives it, and the Armistice coverage as the package gives it."""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from agreements.drafts import load_agreement
from clauses.armistice import FUNCTIONS, ArmisticeFunction
from clauses.measures import BY_ID
from precedents.compare import ClauseMatches, PrecedentComparison, SideBySide, compare_with_precedents, side_by_side
from precedents.corpus import Corpus, later_practice_by_function
from precedents.coverage import ARMISTICE, Coverage, coverage
from precedents.match import Match
from precedents.model import BASIS_MEANING, PrecedentAgreement, Provision, shown_basis
from precedents.views import show_value
from workbench.precedent_data import library
from workbench.state import Bench

KEPT = 16  # comparisons kept, by draft file, its size and time, and the choices
COMPARED: OrderedDict[tuple, PrecedentComparison] = OrderedDict()
DRAFT_SUFFIXES = (".yaml", ".yml")
MOST_DRAFTS = 500


def measure_label(measure: str) -> str:
    """Return what a reader calls a measure ('pull-back from the line')."""
    return BY_ID[measure].title if measure in BY_ID else measure


def measure_rows(match: Match) -> list[tuple[str, str]]:
    """Return (measure in words, values) for everything a provision fixes."""
    return [(measure_label(measure), ", ".join(values)) for measure, values in match.measures().items()]


def basis_meaning(match: Match) -> str:
    """Return what a provision's weakest basis code means."""
    return BASIS_MEANING[match.weakest_basis]


@dataclass(frozen=True)
class ProvisionView:
    """A provision of an agreement as shown: the match, the row as the corpus holds it, and its agreement."""

    agreement: PrecedentAgreement
    provision: Provision
    match: Match
    values: list[tuple[str, str]]
    meaning: str
    earlier: str  # the codes before the sheet's upgrade, '' for none


def provision_row(agreement: PrecedentAgreement, provision: Provision) -> ProvisionView:
    """Return one provision of an agreement as the pages show it."""
    match = Match.of(agreement, provision)
    earlier = shown_basis(provision.earlier_basis) if provision.earlier_basis else ""
    return ProvisionView(agreement, provision, match, measure_rows(match), basis_meaning(match), earlier)


@dataclass(frozen=True)
class AgreementView:
    """An agreement as `precedents show` gives it: its description and every provision."""

    agreement: PrecedentAgreement
    provisions: list[ProvisionView]


def agreement_view(corpus: Corpus, key: str) -> AgreementView:
    """Return an agreement of the corpus with its provisions (PD-E060 for an id the corpus does not have)."""
    agreement = corpus.agreement(key)
    return AgreementView(agreement, [provision_row(agreement, provision) for provision in agreement.provisions])


def provision_view(corpus: Corpus, key: str) -> ProvisionView:
    """Return one provision of the corpus by its id, with its agreement."""
    agreement, provision = corpus.provisions[key]
    return provision_row(agreement, provision)


def precedent_choices() -> list[tuple[str, str]]:
    """Return (agreement id, short title) of every agreement the index holds, in corpus order."""
    opened = library()
    return [(key, opened.corpus.agreements[key].short_title if key in opened.corpus.agreements else key)
            for key in opened.index.agreement_ids()]


@dataclass(frozen=True)
class MeasureRow:
    """One measure a clause fixes: its value in the draft, and each precedent shown that fixes it too."""

    measure: str
    label: str
    draft: str
    pairs: list[SideBySide]


@dataclass(frozen=True)
class ComparedClause:
    """A clause of the draft beside its precedents, with its measures side by side."""

    clause: ClauseMatches
    rows: list[MeasureRow]
    matches: list[tuple[Match, list[tuple[str, str]], str]]  # each precedent, what it fixes, its basis meaning


@dataclass(frozen=True)
class ComparedDraft:
    """The whole comparison as the page shows it."""

    comparison: PrecedentComparison
    clauses: list[ComparedClause]


def measure_table(clause: ClauseMatches) -> list[MeasureRow]:
    """Return a row per measure the clause fixes, with the precedents' values of the same measure."""
    pairs = side_by_side(clause)
    return [MeasureRow(measure, measure_label(measure),
                       clause.in_words.get(measure) or show_value(measure, clause.parameters[measure]),
                       [pair for pair in pairs if pair.measure == measure]) for measure in clause.parameters]


def compared_draft(bench: Bench, path: str, precedents: list[str], topic: str | None) -> ComparedDraft:
    """Return `compare`'s comparison of a draft of the folder with the precedents (kept while the file is unchanged)."""
    comparison = comparison_of(bench.resolve(path), precedents, topic)
    clauses = [ComparedClause(clause, measure_table(clause),
                              [(match, measure_rows(match), basis_meaning(match)) for match in clause.matches])
               for clause in comparison.clauses]
    return ComparedDraft(comparison, clauses)


def comparison_of(file: Path, precedents: list[str], topic: str | None) -> PrecedentComparison:
    """Return the library's comparison of a draft file, computed once for each state of the file and choice."""
    stat = file.stat() if file.is_file() else None
    key = (str(file), stat and stat.st_mtime_ns, stat and stat.st_size, tuple(precedents), topic)
    if key not in COMPARED or stat is None:
        COMPARED[key] = compare_with_precedents(load_agreement(str(file)), library().index, precedents, topic)
        while len(COMPARED) > KEPT:
            COMPARED.popitem(last=False)
    return COMPARED[key]


def coverage_of(bench: Bench, path: str) -> list[Coverage]:
    """Return what a draft of the folder makes of each Armistice function, with later practice (as the package)."""
    return coverage(load_agreement(str(bench.resolve(path))), later_practice_by_function())


@dataclass(frozen=True)
class FunctionRow:
    """A function of the 1953 Armistice with the Armistice's provisions that carry it."""

    function: ArmisticeFunction
    provisions: list[ProvisionView]


def function_rows() -> list[FunctionRow]:
    """Return every function of the Armistice with the corpus's Armistice provisions tagged with it."""
    corpus = library().corpus
    armistice = corpus.agreements.get(ARMISTICE)
    rows = armistice.provisions if armistice else []
    return [FunctionRow(function, [provision_row(armistice, provision) for provision in rows
                                   if function.id in provision.functions]) for function in FUNCTIONS]


def draft_choices(bench: Bench) -> list[str]:
    """Return the YAML files of the served folder, outside hidden folders, by path (at most MOST_DRAFTS)."""
    found = []
    for folder, subfolders, files in os.walk(bench.root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        found += [(Path(folder) / name).relative_to(bench.root).as_posix() for name in sorted(files)
                  if Path(name).suffix.lower() in DRAFT_SUFFIXES and not name.startswith(".")]
        if len(found) >= MOST_DRAFTS:
            break
    return sorted(found[:MOST_DRAFTS])
