"""Loading the precedent corpus: the shipped agreements and any folder of the user's, validated with locations."""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from agreements.drafts import read_bytes, read_text, validation_problems
from clauses.errors import DraftError, InputError, Problem
from agreements.yamlsource import read_yaml
from precedents.model import LaterPractice, PrecedentAgreement, Provision

SHIPPED = Path(__file__).resolve().parent / "corpus"
CORPUS_VARIABLE = "PEACEDRAFT_CORPUS"
ARMISTICE = "armistice-1953"


@dataclass
class Corpus:
    """Every precedent agreement by id, its provisions by id, and a fingerprint of the files read."""

    agreements: dict[str, PrecedentAgreement] = field(default_factory=dict)
    fingerprint: str = ""

    @property
    def provisions(self) -> dict[str, tuple[PrecedentAgreement, Provision]]:
        """Return every provision by id, with its agreement."""
        return {provision.id: (agreement, provision) for agreement in self.agreements.values()
                for provision in agreement.provisions}

    def agreement(self, key: str) -> PrecedentAgreement:
        """Return an agreement by id, or raise a one-line error listing the known ids."""
        if key not in self.agreements:
            raise InputError(f"unknown precedent '{key}' (known: {', '.join(self.agreements)})", "PD-E060")
        return self.agreements[key]


def load_file(path: Path) -> PrecedentAgreement:
    """Return one precedent file, or raise a DraftError with the located problems."""
    data, source = read_yaml(read_text(str(path)), str(path))
    if not isinstance(data, dict):
        message = "a precedent file is a mapping with 'id', 'title' and 'provisions'"
        raise DraftError.at(str(path), 1, 1, message, code="PD-E062")
    try:
        agreement = PrecedentAgreement.model_validate(data)
    except ValidationError as error:
        raise DraftError(validation_problems(error, data, source)) from None
    seen: set[str] = set()
    for index, provision in enumerate(agreement.provisions):
        if provision.id in seen:
            location = source.locate(("provisions", index, "id"))
            raise DraftError([Problem(location, provision.id, "duplicate provision id", "PD-E063")])
        seen.add(provision.id)
    return agreement


def folders(extra: list[str] | None = None) -> list[Path]:
    """Return the corpus folders: the shipped one, then those in PEACEDRAFT_CORPUS, then the extra ones."""
    named = [item for item in os.environ.get(CORPUS_VARIABLE, "").split(os.pathsep) if item]
    return [SHIPPED, *(Path(item) for item in [*named, *(extra or [])])]


def corpus_files(extra: list[str] | None = None) -> tuple[list[Path], str]:
    """Return every precedent file of the corpus folders and a fingerprint of their names and bytes."""
    paths, digest = [], hashlib.sha256()
    for folder in folders(extra):
        if not folder.is_dir():
            raise DraftError.at(str(folder), 1, 1, "no such corpus folder", code="PD-E064")
        for path in sorted(folder.glob("*.yaml")):
            digest.update(path.name.encode() + b"\0" + read_bytes(str(path)))
            paths.append(path)
    return paths, digest.hexdigest()


def load_corpus(extra: list[str] | None = None) -> Corpus:
    """Return the corpus from every folder; a later file may not reuse an agreement id."""
    paths, fingerprint = corpus_files(extra)
    corpus = Corpus(fingerprint=fingerprint)
    for path in paths:
        agreement = load_file(path)
        if agreement.id in corpus.agreements:
            message = f"agreement id '{agreement.id}' is already in the corpus"
            raise DraftError.at(str(path), 1, 1, message, agreement.id, code="PD-E063")
        corpus.agreements[agreement.id] = agreement
    return corpus


def check_folder(folder: str) -> list[PrecedentAgreement]:
    """Return the agreements of a folder of precedent files, validating every file (first error raised)."""
    path = Path(folder)
    if not path.is_dir():
        raise DraftError.at(folder, 1, 1, "no such folder", code="PD-E064")
    return [load_file(item) for item in sorted(path.glob("*.yaml"))]


@functools.cache
def armistice_later_practice() -> tuple[LaterPractice, ...]:
    """Return the later practice recorded on the shipped 1953 Armistice (facts of practice, not treaty text)."""
    return tuple(load_file(SHIPPED / f"{ARMISTICE}.yaml").later_practice)


def later_practice_by_function() -> dict[str, list[str]]:
    """Return, per Armistice function id, a line per fact of later practice ('1957: … [S]')."""
    found: dict[str, list[str]] = {}
    for practice in armistice_later_practice():
        for function in practice.functions:
            found.setdefault(function, []).append(practice.line)
    return found
