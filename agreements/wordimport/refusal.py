"""A refusal of an outside Word file: one line saying why, without the file's name, and its error code."""

from __future__ import annotations


class Refused(Exception):
    """A check failed; the message says why, without the file's name, and the code names the kind of failure."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def one_line(error: BaseException) -> str:
    """Return an exception's text on one line, at most 200 characters."""
    return " ".join(str(error).split())[:200]
