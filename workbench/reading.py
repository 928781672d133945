"""A draft as the document and edit pages read it: loaded once per version of the file, its findings by node,
and the ids its references may name (for the selects of the node form).

A draft is read, validated and indexed once for each (path, mtime_ns, size): the document page, the node
forms and their replies share it until the file changes. Locations name the file by its path in the served
folder ('draft.yaml:42:7'), as the command line names it when run there.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agreements.drafts import decode, digest_of, parse_agreement, read_bytes
from agreements.index import index_of
from agreements.model import Agreement
from agreements.rules.context import Finding
from agreements.rules.registry import check
from clauses.base import Node
from clauses.errors import DraftError, Location, PeacedraftError, Problem
from clauses.languages import DEFAULT_LANGUAGE

CACHED = 8  # versions of drafts kept read


@dataclass
class Snapshot:
    """One version of a draft file: its bytes' digest, the agreement, its findings, and what pages made of it."""

    relative: str
    digest: str
    agreement: Agreement
    findings: list[Finding]
    made: dict[Any, Any] = field(default_factory=dict)  # pages' renderings of this version, by their key

    def findings_at(self, node_id: str) -> list[Finding]:
        """Return the findings located at a node."""
        return [finding for finding in self.findings if finding.node_id == node_id]

    def counts(self) -> tuple[int, int]:
        """Return the number of errors and of warnings."""
        errors = sum(finding.severity == "error" for finding in self.findings)
        return errors, len(self.findings) - errors

    def node(self, node_id: str) -> Node | None:
        """Return the node of the text with an id (an article, clause, recital …), or None."""
        model = index_of(self.agreement).model(node_id)
        return model if isinstance(model, Node) else None

    def made_once(self, key: Any, make):
        """Return what make() returns for this version, made once."""
        if key not in self.made:
            self.made[key] = make()
        return self.made[key]


@dataclass(frozen=True)
class Registry:
    """The ids a reference may name, with their names: parties, bodies, zones (for selects), and other ids."""

    parties: list[tuple[str, str]]
    bodies: list[tuple[str, str]]
    zones: list[tuple[str, str]]
    events: list[str]
    languages: list[str]

    @classmethod
    def of(cls, agreement: Any, event_ids: list[str]) -> Registry:
        """Return the registry of a draft (names in the default language when it has them, else its first language)."""
        def name(entry) -> str:
            names = entry.names
            return names.get(DEFAULT_LANGUAGE) or next(iter(names.values()), entry.id)
        return cls([(party.id, name(party)) for party in agreement.parties],
                   [(body.id, name(body)) for body in agreement.bodies],
                   [(zone.id, name(zone)) for zone in agreement.zones],
                   event_ids, list(agreement.meta.languages))

    def targets(self, ref: str) -> list[tuple[str, str]] | None:
        """Return the choices of a reference (None: any id, typed)."""
        return {"party": self.parties, "body": self.bodies, "zone": self.zones,
                "actor": self.parties + self.bodies}.get(ref)


_cache: OrderedDict[tuple, Snapshot] = OrderedDict()
_lock = threading.Lock()


def snapshot(path: Path, relative: str, known: tuple[str, list[Finding]] | None = None) -> Snapshot:
    """Return the draft at path as it now is (read again only when its mtime or size changed).

    known: the digest and findings of a file an edit has just written (EditResult), taken as they are when the file
    still has that digest rather than checked again.
    """
    try:
        status = path.stat()
    except OSError:
        raise DraftError.at(relative, 1, 1, "no such draft in the served folder", code="PD-E010") from None
    key = (str(path), status.st_mtime_ns, status.st_size)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    raw = read_bytes(str(path))
    try:
        agreement = parse_agreement(decode(raw, relative), relative)
    except PeacedraftError as error:
        raise relative_error(error, str(path), relative) from None
    digest = digest_of(raw)
    if known and known[0] == digest:
        findings = [dataclasses.replace(finding, location=Location(relative, finding.location.line,
                                                                    finding.location.column)) for finding in known[1]]
    else:
        findings = check(agreement)
    loaded = Snapshot(relative, digest, agreement, findings)
    if len(raw) == status.st_size:  # not replaced while it was read
        with _lock:
            _cache[key] = loaded
            while len(_cache) > CACHED:
                _cache.popitem(last=False)
    return loaded


def relative_error(error: PeacedraftError, absolute: str, relative: str) -> PeacedraftError:
    """Return an error whose locations name the file by its path in the served folder, not its absolute path."""
    if isinstance(error, DraftError):
        problems = [Problem(Location(relative if problem.location.file == absolute else problem.location.file,
                                     problem.location.line, problem.location.column),
                            problem.node_id, problem.message.replace(absolute, relative), problem.code)
                    for problem in error.problems]
        renamed = DraftError(problems)
    else:
        renamed = PeacedraftError(str(error).replace(absolute, relative), error.code)
        renamed.exit_code = error.exit_code
    return renamed
