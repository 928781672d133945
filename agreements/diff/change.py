"""One difference between two versions of a draft: its kind, node, article, one-line summary and details."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """One difference: its kind, the node, the article it falls in, a one-line summary and structured details."""

    kind: str
    node: str
    article: str
    summary: str
    details: dict = field(default_factory=dict)
