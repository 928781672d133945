"""Typed errors the library raises; cli.py turns them into one-line messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in a file, 1-based."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One located message about one node: `file:line:col: node-id: message [PD-E0xx]`."""

    location: Location
    node_id: str
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.location}: {self.node_id}: {self.message} [{self.code}]"


class PeacedraftError(Exception):
    """Base of every error peacedraft raises on purpose; its code names its entry in docs/errors.md."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


class DraftError(PeacedraftError):
    """The input cannot be used (unreadable, not YAML, wrong types): exit code 2."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems), problems[0].code)
        self.problems = problems

    @classmethod
    def at(cls, file: str, line: int, column: int, message: str, node_id: str = "-", *, code: str) -> DraftError:
        """Return an error with a single problem at one place."""
        return cls([Problem(Location(file, line, column), node_id, message, code)])


class OutputError(PeacedraftError):
    """An output cannot be written (exists, folder missing, not writable): exit code 2."""


class InputError(PeacedraftError):
    """A value given on the command line cannot be used (unknown precedent, empty query, unsafe file): exit code 2."""


class FindingsError(PeacedraftError):
    """The draft loads but breaks consistency rules, so an output that needs a sound draft is refused: exit code 1."""

    def __init__(self, message: str, findings: list, code: str):
        super().__init__(message, code)
        self.findings = findings
