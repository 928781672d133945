"""Free text: any provision that no typed kind describes, and every imported paragraph."""

from __future__ import annotations

from typing import Literal

from clauses.base import ClauseBase, LangText


class TextClause(ClauseBase):
    """A provision whose words are written out per language."""

    kind: Literal["text"]

    text: LangText
