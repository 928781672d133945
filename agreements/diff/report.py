"""The change report: readable text grouped by article, and a Word summary, from a comparison."""

from __future__ import annotations

from collections.abc import Callable

from agreements.diff.compare import Change, Comparison, label
from agreements.index import index_of
from agreements.document.blocks import Document, simple_block
from agreements.document.compose import document_time
from agreements.render.docx.reports import report_docx
from clauses.languages import DEFAULT_LANGUAGE

MARKS = {"added": "+", "removed": "−", "moved": "→", "renumbered": "#", "status": "~", "alternatives": "~",
         "positions": "~", "parameters": "~", "text": "~", "meta": "~", "registry": "~"}
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
        where = label(placed) if article in new_places else f"{article} (removed; was {label(placed)})"
        return f"{where} — {title}" if title else where

    order = ["", "preamble", *[key for key in new_places if key in groups], *groups]
    return [(heading(key), groups[key]) for key in dict.fromkeys(order) if key in groups]


def text_report(comparison: Comparison, old_name: str, new_name: str, style: Style) -> list[str]:
    """Return the report's lines; `style(text, fg=…, bold=…)` colours them (or returns them as they are)."""
    old, new = comparison.old.meta, comparison.new.meta
    total = len(comparison.changes)
    lines = [style(f"{old_name} ({old.version}) → {new_name} ({new.version}): "
                   f"{total} change{'s' * (total != 1)}", bold=True)]
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


def summary_document(comparison: Comparison, old_name: str, new_name: str) -> Document:
    """Return the change summary as a report tree: counts, then a line per change, by article."""
    old, new = comparison.old.meta, comparison.new.meta
    title = f"Changes from {old.version} to {new.version}"
    blocks = [simple_block("title", "title", title), simple_block("byline", "files", f"{old_name} → {new_name}")]
    blocks += [simple_block("plain", f"count:{kind}", f"{kind}: {count}")
               for kind, count in comparison.counts().items() if count]
    if not comparison.changes:
        blocks.append(simple_block("plain", "none", "No changes."))
    for index, (heading, changes) in enumerate(grouped(comparison)):
        blocks.append(simple_block("section", f"group:{index}", heading))
        blocks += [simple_block("plain", f"change:{index}:{number}", f"{MARKS[change.kind]} {change.summary}")
                   for number, change in enumerate(changes)]
    return Document([DEFAULT_LANGUAGE], document_time(comparison.new), blocks, {"title": title})


def summary_docx(comparison: Comparison, old_name: str, new_name: str) -> bytes:
    """Return the change summary as a Word document."""
    return report_docx(summary_document(comparison, old_name, new_name))
