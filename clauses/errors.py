"""Typed errors the library raises (one base class), and the wording of pydantic errors; cli.py prints them."""

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
    """Base of every error peacedraft raises on purpose; its code names its entry in docs/errors.md.

    `lines()` is what the command line prints and `exit_code` what it exits with: 2 for unusable input.
    """

    exit_code = 2

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code

    def lines(self) -> list[str]:
        """Return the lines to print: 'peacedraft: message [code]'."""
        return [f"peacedraft: {self} [{self.code}]"]


class DraftError(PeacedraftError):
    """The input cannot be used (unreadable, not YAML, wrong types): exit code 2."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems), problems[0].code)
        self.problems = problems

    def lines(self) -> list[str]:
        """Return one line per problem, each located."""
        return [str(problem) for problem in self.problems]

    @classmethod
    def at(cls, file: str, line: int, column: int, message: str, node_id: str = "-", *, code: str) -> DraftError:
        """Return an error with a single problem at one place."""
        return cls([Problem(Location(file, line, column), node_id, message, code)])


class OutputError(PeacedraftError):
    """An output cannot be written (exists, folder missing, not writable): exit code 2."""


class InputError(PeacedraftError):
    """A value given on the command line cannot be used (unknown precedent, empty query, unsafe file): exit code 2."""


class StaleDraftError(PeacedraftError):
    """A draft changed on disk since the page that edits it read it, so the edit is refused: exit code 2."""

    def __init__(self, file: str):
        super().__init__(f"{file}: changed since the page was loaded (someone saved a newer version); reload it and "
                         "make the change again", "PD-E110")
        self.file = file


class FindingsError(PeacedraftError):
    """The draft loads but breaks consistency rules, so an output that needs a sound draft is refused: exit code 1."""

    exit_code = 1

    def __init__(self, message: str, findings: list, code: str):
        super().__init__(message, code)
        self.findings = findings

    def lines(self) -> list[str]:
        """Return one line per finding, then the refusal."""
        return [*(str(finding) for finding in self.findings), *super().lines()]


def error_words(item: dict) -> str:
    """Return a pydantic error's message as words inside a sentence: no 'Value error, ', lower-case first letter."""
    text = item["msg"].removeprefix("Value error, ")
    return text[:1].lower() + text[1:]


def error_path(item: dict) -> str:
    """Return where a pydantic error is, dotted, without pydantic's own union and validator steps."""
    return ".".join(str(part) for part in item["loc"] if not str(part).startswith(("function-", "tagged-")))


def worded(error) -> str:
    """Return the first error of a pydantic ValidationError as 'where: message'."""
    first = error.errors(include_url=False)[0]
    where = error_path(first)
    return f"{where}: {error_words(first)}" if where else error_words(first)
