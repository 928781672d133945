"""The change report: readable text grouped by article, from a comparison (the Word summary: diff/summary.py)."""

from __future__ import annotations

from collections.abc import Callable

from agreements.diff.compare import Change, Comparison, label
from agreements.index import index_of
from clauses.languages import DEFAULT_LANGUAGE, language

MARKS = {"added": "+", "removed": "−", "moved": "→", "renumbered": "#", "status": "~", "alternatives": "~",
         "positions": "~", "notes": "~", "parameters": "~", "text": "~", "meta": "~", "registry": "~"}
COLOURS = {"added": "green", "removed": "red", "moved": "cyan", "renumbered": "cyan"}
Style = Callable[..., str]


def grouped(comparison: Comparison) -> list[tuple[str, list[Change]]]:
    """Return the changes grouped under a heading per article ('Agreement' first), in the new order."""
    new_places, old_places = index_of(comparison.new).places, index_of(comparison.old).places
    groups: dict[str, list[Change]] = {}
    for change in comparison.changes:
        groups.setdefault(change.article, []).append(change)

    def heading(article: str) -> str:
        if not article:
            return "Agreement"
        if article == "preamble":
            return "Preamble"
        placed = new_places.get(article) or old_places.get(article)
        title = (placed.node.heading or {}).get(DEFAULT_LANGUAGE, "") if placed and placed.node.heading else ""
        if article in new_places:
            return f"{label(placed)} — {title}" if title else label(placed)
        where = f"{label(placed)} ({comparison.old.meta.version})"
        return f"{where} — {title} (removed)" if title else f"{where} (removed)"

    order = ["", "preamble", *[key for key in new_places if key in groups], *groups]
    return [(heading(key), groups[key]) for key in dict.fromkeys(order) if key in groups]


def text_report(comparison: Comparison, old_name: str, new_name: str, style: Style,
                non_paper: bool = False) -> list[str]:
    """Return the report's lines; `style(text, fg=…, bold=…)` colours them (or returns them as they are).

    non_paper: the report of two non-paper copies, its first line the non-paper mark.
    """
    old, new = comparison.old.meta, comparison.new.meta
    total = len(comparison.changes)
    words = language(DEFAULT_LANGUAGE)
    mark = [words.phrase("non_paper_mark"), ""] if non_paper else []
    internal = f" · {words.phrase('internal_mark')}" if comparison.notes and not non_paper else ""
    lines = [*mark, style(f"{old_name} ({old.version}) → {new_name} ({new.version}): "
                          f"{total} change{'s' * (total != 1)}{internal}", bold=True)]
    if not comparison.related:
        lines.append(style("warning: the two drafts share no ids — not versions of one agreement; "
                           "everything is shown as removed and added", fg="yellow"))
    if not total:
        lines.append("no changes")
        return lines
    counts = ", ".join(f"{count} {kind}" for kind, count in comparison.counts().items() if count)
    lines.append(counts)
    for heading, changes in grouped(comparison):
        lines += ["", style(heading, bold=True)]
        for change in changes:
            line = f"{MARKS[change.kind]} {change.summary}"
            colour = COLOURS.get(change.kind)
            lines.append("  " + (style(line, fg=colour) if colour else line))
    return lines
