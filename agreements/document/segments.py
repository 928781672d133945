"""A node's text in one language, as segments: plain text and bracketed options with their proposers' ids."""

from __future__ import annotations

import os
import re

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


Segment = Inline


def own_text(node: Node, lang: str, scope: Scope) -> str:
    """Return a node's own text in a language: a recital's, or a clause's override, free text or template."""
    if isinstance(node, Recital):
        if lang not in node.text:
            raise MissingText(f"no {lang} text")
        return node.text[lang]
    return clause_text(node, lang, scope)


def alternative_text(node: Node, alternative: Alternative, lang: str, scope: Scope) -> str:
    """Return the text of an alternative: its own text, or the node rendered with its parameters."""
    if alternative.text:
        if lang in alternative.text:
            return alternative.text[lang]
        raise MissingText(f"alternative {alternative.id} has no {lang} text")
    if not isinstance(node, ClauseBase):
        raise MissingText(f"alternative {alternative.id} has no text")
    return own_text(node.variant(alternative), lang, scope)


def node_segments(node: Node, lang: str, scope: Scope) -> list[Segment]:
    """Return a node's text as segments: options in brackets, bracketed text, or plain agreed text."""
    own = own_text(node, lang, scope)
    open_alternatives = node.open_alternatives()
    if open_alternatives:
        options = [Option("A", tuple(node.proposed_by), own)]
        for index, alternative in enumerate(open_alternatives, 1):
            text = alternative_text(node, alternative, lang, scope)
            options.append(Option(chr(ord("A") + index), tuple(alternative.proposed_by), text))
        return _inline_or_whole(options, lang)
    if node.status == "bracketed":
        return [Bracket((Option(None, tuple(node.proposed_by), own),))]
    return [own]


def _inline_or_whole(options: list[Option], lang: str) -> list[Segment]:
    """Return options as one bracketed phrase inside a shared sentence when they differ only there."""
    texts = [option.text for option in options]
    start = _snap(_common_prefix(texts), texts[0], lang)
    end = _snap(_common_suffix(texts), texts[0][::-1], lang)
    shortest = min(len(text) for text in texts)
    middles = [text[start : len(text) - end] for text in texts]
    shared = start + end
    if shared * 2 < shortest or not all(middle.strip() for middle in middles) or max(map(len, middles)) > INLINE_LIMIT:
        return [Bracket(tuple(options))]
    inline = tuple(Option(None, option.proposers, middle.strip()) for option, middle in zip(options, middles))
    prefix, suffix = texts[0][:start], texts[0][len(texts[0]) - end :] if end else ""
    return [segment for segment in (prefix, Bracket(inline, inline=True), suffix) if segment]


def _common_prefix(texts: list[str]) -> int:
    """Return the length of the prefix all texts share."""
    return len(os.path.commonprefix(texts))


def _common_suffix(texts: list[str]) -> int:
    """Return the length of the suffix all texts share."""
    return _common_prefix([text[::-1] for text in texts])


def _snap(length: int, text: str, lang: str) -> int:
    """Return length moved back so the cut falls between words (between characters of Chinese)."""
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
