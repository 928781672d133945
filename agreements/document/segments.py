"""A node's text in one language, as segments: plain text and bracketed options with their proposers' ids."""

from __future__ import annotations

import os
import re

from agreements.crossrefs import resolve
from agreements.document.blocks import Bracket, Inline, Option
from agreements.index import index_of
from agreements.model import Recital
from clauses.base import Alternative, ClauseBase, Node
from clauses.errors import DraftError, Problem
from clauses.languages import language
from clauses.rendering import MissingText, clause_text
from clauses.scope import Scope

INLINE_LIMIT = 80
ASCII_WORD = re.compile(r"[A-Za-z0-9.,%-]")
CLAUSE_ENDS = ",;:.!?，、；：。！？"


Segment = Inline


def own_text(node: Node, lang: str, scope: Scope) -> str:
    """Return a node's own text in a language: a recital's, or a clause's override, free text or template."""
    if isinstance(node, Recital):
        if lang not in node.text:
            raise MissingText(f"no {lang} text")
        return referred(node.text[lang], lang, scope)
    return referred(clause_text(node, lang, scope), lang, scope)


def referred(text: str, lang: str, scope: Scope) -> str:
    """Return a text with its cross-references ({ref:ID}) written as the nodes' numbers in a language."""
    return resolve(text, lambda key: scope.reference(key, language(lang)))


def alternative_text(node: Node, alternative: Alternative, lang: str, scope: Scope) -> str:
    """Return the text of an alternative: its own text, the node rendered with its parameters, or "Delete"."""
    if alternative.delete:
        return language(lang).phrase("option_delete")
    if alternative.text:
        if lang in alternative.text:
            return referred(alternative.text[lang], lang, scope)
        raise MissingText(f"alternative {alternative.id} has no {lang} text")
    if not isinstance(node, ClauseBase):
        raise MissingText(f"alternative {alternative.id} has no text")
    return own_text(node.variant(alternative), lang, scope)


def node_segments(node: Node, languages: list[str], scope: Scope,
                  deciding: tuple[str, ...] = ()) -> dict[str, list[Segment] | None]:
    """Return a node's text in each language as segments (None where it has no text): one bracket structure for all.

    Options read as one bracketed phrase inside a shared sentence only when they do so in every language
    (those rendered and those `deciding`: the draft's); otherwise every language shows whole options, so
    each language has the same groups.
    """
    alternatives = bool(node.open_alternatives())
    read = [*languages, *(lang for lang in deciding if lang not in languages)] if alternatives else languages
    options: dict[str, list[Option] | None] = {}
    for lang in read:
        try:
            options[lang] = _options(node, lang, scope)
        except MissingText:
            options[lang] = None
    if not alternatives:
        bracketed = node.status == "bracketed"
        return {lang: None if found is None else [Bracket((found[0],))] if bracketed else [found[0].text]
                for lang, found in options.items()}
    splits = {lang: _split(found, lang) for lang, found in options.items() if found is not None}
    inline = all(split is not None for split in splits.values())
    return {lang: None if options[lang] is None else _inline(options[lang], splits[lang], lang) if inline
            else [Bracket(tuple(options[lang]))] for lang in languages}


def _options(node: Node, lang: str, scope: Scope) -> list[Option]:
    """Return a node's own text as option A (no letter when it has no alternatives), then its open alternatives."""
    own = own_text(node, lang, scope)
    open_alternatives = node.open_alternatives()
    if not open_alternatives:
        return [Option(None, tuple(node.proposed_by), own)]
    found = [Option("A", tuple(node.proposed_by), own)]
    for index, alternative in enumerate(open_alternatives, 1):
        text = alternative_text(node, alternative, lang, scope)
        found.append(Option(chr(ord("A") + index), tuple(alternative.proposed_by), text))
    return found


def _split(options: list[Option], lang: str) -> tuple[int, int] | None:
    """Return where options that differ in one phrase share their start and end, or None when they do not.

    Where the language's unit is a clause, a bracket holds a whole clause, or a typed value (a number with
    its unit) and nothing more.
    """
    texts = [option.text for option in options]
    start, end = _cut(texts, lang, "word")
    if language(lang).bracket_unit == "clause" and not all(_is_value(text[start : len(text) - end]) for text in texts):
        start, end = _cut(texts, lang, "clause")
    shortest = min(len(text) for text in texts)
    middles = [text[start : len(text) - end] for text in texts]
    if (start + end) * 2 < shortest or not all(middle.strip() for middle in middles) \
            or max(map(len, middles)) > INLINE_LIMIT:
        return None
    return start, end


def _cut(texts: list[str], lang: str, unit: str) -> tuple[int, int]:
    """Return the lengths of the shared start and end, cut between words or between clauses."""
    start = _snap(_common_prefix(texts), texts, lang, unit)
    end = _snap(_common_suffix(texts), [text[::-1] for text in texts], lang, unit)
    return start, end


def _is_value(middle: str) -> bool:
    """Return whether a differing part is one typed value: a number, with its unit, and no space or punctuation."""
    middle = middle.strip()
    return any(char.isdigit() for char in middle) and not any(char.isspace() or char in CLAUSE_ENDS.replace(",", "")
                                                             .replace(".", "") for char in middle)


def _inline(options: list[Option], split: tuple[int, int], lang: str) -> list[Segment]:
    """Return options as one bracketed phrase between the text they share, a space kept on each side."""
    start, end = split
    texts = [option.text for option in options]
    middles = [text[start : len(text) - end].strip() for text in texts]
    inline = tuple(Option(None, option.proposers, middle) for option, middle in zip(options, middles))
    prefix, suffix = texts[0][:start], texts[0][len(texts[0]) - end :] if end else ""
    if language(lang).spaces_between_words:
        prefix = prefix.rstrip() + " " if prefix.strip() else ""
        rest = suffix.lstrip()
        suffix = " " + rest if rest[:1].isalnum() else rest
    return [segment for segment in (prefix, Bracket(inline, inline=True), suffix) if segment]


def _common_prefix(texts: list[str]) -> int:
    """Return the length of the prefix all texts share."""
    return len(os.path.commonprefix(texts))


def _common_suffix(texts: list[str]) -> int:
    """Return the length of the suffix all texts share."""
    return _common_prefix([text[::-1] for text in texts])


def _snap(length: int, texts: list[str], lang: str, unit: str) -> int:
    """Return length moved back so the cut falls between words, or between clauses where the unit is a clause.

    Nor may a bracket begin (or, read backwards, end) with punctuation: the cut moves back past a word.
    """
    text = texts[0]
    if unit == "clause":
        while length > 0 and text[length - 1] not in CLAUSE_ENDS:
            length -= 1
        return length
    length = _word_start(length, text, lang)
    while length > 0 and any(other[length:].lstrip()[:1] in CLAUSE_ENDS for other in texts if other[length:].strip()):
        length = _word_start(length - 1, text, lang)
    return length


def _word_start(length: int, text: str, lang: str) -> int:
    """Return length moved back to the start of the word it falls in."""
    while 0 < length < len(text) and _inside_word(text[length - 1], text[length], lang):
        length -= 1
    return length


def _inside_word(before: str, after: str, lang: str) -> bool:
    """Return whether a cut between two characters would split a word (a number, a Latin or Hangul word)."""
    if not language(lang).spaces_between_words:
        return bool(ASCII_WORD.match(before) and ASCII_WORD.match(after))
    return (before.isalnum() or before in "-'") and (after.isalnum() or after in "-'")


def node_error(agreement, node_id: str, message: str, code: str) -> DraftError:
    """Return a DraftError located where a node of the draft is written (its file:line:col)."""
    return DraftError([Problem(index_of(agreement).location(node_id), node_id, message, code)])
