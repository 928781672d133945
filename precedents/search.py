"""A reviewer's search: the best provisions for a query, each with a highlighted snippet and why it matched."""

from __future__ import annotations

import re
from dataclasses import dataclass

from precedents.index import SearchIndex
from precedents.match import Match
from precedents.query import STOPWORDS, UNSPACED, Group, Query, group_expression, read_query, words_expression
from precedents.views import match_line

OPEN, CLOSE = "[", "]"
MARKED = re.compile(r"\x02([^\x03]*)\x03")
MARKED_WORDS = re.compile(r"\[([^\]]*)\]")
WORDS = re.compile(r"\w+")
SNIPPET_TOKENS = 14
SNIPPET_COLUMNS = (1, 2, 0, 3)  # the paraphrase first, then the sheet's words, the citation, the agreement's title
AROUND = 24  # characters shown either side of a Korean or Chinese phrase found


@dataclass(frozen=True)
class Hit:
    """A provision found: the provision, a snippet with what matched in brackets, and why it matched."""

    match: Match
    snippet: str
    reasons: tuple[str, ...]

    def to_json(self) -> dict:
        """Return the hit as JSON data: the provision's fields, its snippet and why it matched."""
        return {**self.match.to_json(), "snippet": self.snippet, "matched": list(self.reasons)}


@dataclass(frozen=True)
class Found:
    """What a search found, and the query as it was searched."""

    query: Query
    hits: list[Hit]
    scripts_indexed: bool

    @property
    def nothing_line(self) -> str:
        """Return the one line that says nothing matched and what was searched for."""
        line = f"no provision matches: searched for {self.query.shown}"
        unknown = [group.typed for group in self.query.groups if group.concept is None and group.unspaced]
        if unknown and not self.scripts_indexed:
            line += (f" ({', '.join(unknown)}: not in the terminology base, and no provision of the corpus"
                     " carries Korean or Chinese text)")
        return line


def hit_lines(hit: Hit) -> list[str]:
    """Return a hit as text: its provision line, its snippet, and why it matched."""
    lines = [match_line(hit.match), f"    {hit.snippet}"]
    return lines + ([f"    matched: {'; '.join(hit.reasons)}"] if hit.reasons else [])


def found_lines(found: Found) -> list[str]:
    """Return what a search found as text lines, or the one line that says what was searched for."""
    return [line for hit in found.hits for line in hit_lines(hit)] or [found.nothing_line]


def find(index: SearchIndex, text: str, topic: str | None = None, agreements: list[str] | None = None,
         limit: int = 20) -> Found:
    """Return the best provisions for a reviewer's query, with snippets and reasons, best first."""
    query = read_query(text)
    rows = index.tiers(query, topic, agreements, limit)
    rowids = [rowid for rowid, _, _ in rows]
    keys = dict(index.connection.execute(
        f"SELECT rowid, id FROM provisions WHERE rowid IN ({', '.join('?' * len(rowids))})", rowids))
    matches = index.matches([keys[rowid] for rowid in rowids]) if rowids else []
    found = {group: english_marks(index, group, rowids) for group in query.groups}
    hits = []
    for (rowid, _, _), match in zip(rows, matches):
        reasons = tuple(reason for group in query.groups
                        if (reason := group_reason(group, found[group].get(rowid, []), match)))
        hits.append(Hit(match, snippet(index, query, rowid, match), reasons))
    return Found(query, hits, index.has_scripts)


def english_marks(index: SearchIndex, group: Group, rowids: list[int]) -> dict[int, list[str]]:
    """Return, per provision, the words of its text that a group matched (as written there).

    A provision found only by the words of a named concept's term (the last tier) shows those words.
    """
    if not rowids or not any(not UNSPACED.search(way) for way in group.english):
        return {}
    found = marked_words(index, group_expression(group), rowids)
    rest = [rowid for rowid in rowids if rowid not in found]
    if group.concept and rest:
        words = [f'"{word}"' for word in WORDS.findall(group.english[0]) if word.casefold() not in STOPWORDS]
        found.update(marked_words(index, " OR ".join(words), rest))
    return found


def marked_words(index: SearchIndex, expression: str, rowids: list[int]) -> dict[int, list[str]]:
    """Return, per provision an FTS5 expression matches, the words of its text it matched."""
    marked = ", ".join(f"highlight(search, {column}, char(2), char(3))" for column in range(3))
    rows = index.connection.execute(f"SELECT rowid, {marked} FROM search WHERE search MATCH ? AND rowid IN "
                                    f"({', '.join('?' * len(rowids))})", [expression, *rowids])
    found = {row[0]: list(dict.fromkeys(word for text in row[1:] for word in MARKED.findall(text or "")))
             for row in rows}
    return {rowid: words for rowid, words in found.items() if words}


def group_reason(group: Group, words: list[str], match: Match) -> str | None:
    """Return why a provision matched a group ('DMZ = Demilitarized Zone: "DMZ"'), or None when it did not."""
    held = [way for way in group.unspaced if way in f"{match.citation} {match.paraphrase} "
            f"{match.parameters.get('as_stated', '')}"]
    if not words and not held:
        return None
    found = ", ".join(f'"{word}"' for word in [*words, *held])
    if group.concept:
        term = group.english[0]
        named = group.typed if group.typed.casefold() == term.casefold() else f"{group.typed} = {term}"
        return f"{named} (terminology base): {found}"
    if group.typed.casefold() in [word.casefold() for word in words] or held:
        return f"{group.typed}: {found}"
    return f"{group.typed} (same stem): {found}"


def snippet(index: SearchIndex, query: Query, rowid: int, match: Match) -> str:
    """Return the part of a provision that matched, the matched words in brackets."""
    phrases = [way for group in query.groups for way in group.unspaced]
    for text in (match.paraphrase, match.parameters.get("as_stated", ""), match.citation):
        for phrase in phrases:
            if phrase in text:
                return around(text, phrase)
    expressions = [group_expression(group) for group in query.groups
                   if any(not UNSPACED.search(way) for way in group.english)]
    if expressions:
        for joined in filter(None, (" OR ".join(expressions), words_expression(query))):
            snippets = ", ".join(f"snippet(search, {column}, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS})"
                                 for column in SNIPPET_COLUMNS)
            row = index.connection.execute(f"SELECT {snippets} FROM search WHERE search MATCH ? AND rowid = ?",
                                           (joined, rowid)).fetchone()
            best = max(row or [], key=lambda text: len(set(MARKED_WORDS.findall(text))), default="")
            if OPEN in best:
                return best
    return match.paraphrase


def around(text: str, phrase: str) -> str:
    """Return a phrase in brackets with a few characters of its text either side."""
    start = text.index(phrase)
    before = ("…" if start > AROUND else "") + text[max(0, start - AROUND):start]
    end = start + len(phrase)
    after = text[end:end + AROUND] + ("…" if len(text) > end + AROUND else "")
    return f"{before}{OPEN}{phrase}{CLOSE}{after}"
